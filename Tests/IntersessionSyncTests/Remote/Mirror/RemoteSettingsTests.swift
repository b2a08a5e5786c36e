import Foundation
import Testing
import IntersessionStore
@testable import IntersessionSync

/// Where a remote's credentials and endpoint come from: the environment first, the profile's
/// config second, AWS's defaults last (issue 20).
@Suite struct RemoteSettingsTests {
    @Test func theEnvironmentComesBeforeTheConfig() {
        let config = ProfileConfig(values: ["s3.access-key-id": "FROMCONFIG", "s3.secret-access-key": "config-secret",
                                            "s3.region": "eu-west-3", "webdav.user": "carla", "webdav.password": "pw"])
        let settings = RemoteSettings(environment: ["AWS_ACCESS_KEY_ID": "FROMENV", "AWS_DEFAULT_REGION": "ca-central-1",
                                                    "INTERSESSION_WEBDAV_PASSWORD": "env-pw"], config: config)
        #expect(settings.accessKeyID == "FROMENV")
        #expect(settings.secretAccessKey == "config-secret")
        #expect(settings.region == "ca-central-1")
        #expect(settings.webdavUser == "carla" && settings.webdavPassword == "env-pw")
        #expect(RemoteSettings(environment: ["AWS_REGION": "", "AWS_DEFAULT_REGION": "ap-south-1"]).region == "ap-south-1")
        #expect(RemoteSettings(environment: [:]).region == "us-east-1")
    }

    @Test func endpointsAndAddressing() throws {
        let aws = try RemoteSettings(environment: ["AWS_REGION": "eu-west-3"]).s3Endpoint(bucket: "wgec-files")
        #expect(aws.endpoint == HTTPEndpoint(secure: true, host: "wgec-files.s3.eu-west-3.amazonaws.com") && !aws.pathStyle)
        let dotted = try RemoteSettings(environment: [:]).s3Endpoint(bucket: "wgec.files")
        #expect(dotted.endpoint.host == "s3.amazonaws.com" && dotted.pathStyle)
        let own = try RemoteSettings(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9000"]).s3Endpoint(bucket: "b-1")
        #expect(own.endpoint == HTTPEndpoint(secure: false, host: "127.0.0.1", port: 9000) && own.pathStyle)
        for bad in ["ftp://host", "http://user:pw@host", "not a url", "https://"] {
            #expect(throws: RemoteError.self, "\(bad)") { try RemoteSettings(environment: ["AWS_ENDPOINT_URL_S3": bad]).s3Endpoint(bucket: "b-1") }
        }
    }
}
