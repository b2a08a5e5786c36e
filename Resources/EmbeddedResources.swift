import Foundation

/// The files of `Resources/`, compiled into the binary so that it runs from anywhere.
public enum EmbeddedResources {
    /// A group template (`wgec`, `blank`) as the JSON bytes of `Resources/templates/NAME.json`.
    public static func template(named name: String) -> Data? {
        switch name {
        case "wgec": Data(PackageResources.wgec_json)
        case "blank": Data(PackageResources.blank_json)
        default: nil
        }
    }

    public static let templateNames = ["wgec", "blank"]

    /// The interface texts of a language (`Resources/i18n/LANG.json`); English when unknown.
    public static func catalog(_ language: String) -> Data {
        Data(language == "fr" ? PackageResources.fr_json : PackageResources.en_json)
    }

    /// The content of the demo workspace (`Resources/demo/wgec-demo.json`).
    public static var demoContent: Data { Data(PackageResources.wgec_demo_json) }
}
