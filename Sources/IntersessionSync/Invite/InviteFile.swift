import Foundation
import IntersessionCore

/// The file the secretariat hands to an invitee (DESIGN §4): the group and its genesis change,
/// the invite's id and one-time secret, and where the shared folder may be. Whoever holds the
/// file can join once, so it is written with mode 0600 and should travel privately.
///
/// The folders are hints without the inviter's absolute paths (`FolderHint`). A sealed group's
/// invite carries the epoch its own change started, wrapped for the invite key (`seal`).
public struct InviteFile: Sendable, Equatable {
    /// An epoch of a sealed group wrapped for the invite key.
    public struct Seal: Sendable, Equatable {
        public var epoch: EntityID
        public var number: Int64
        public var envelope: EpochEnvelope

        public init(epoch: EntityID, number: Int64, envelope: EpochEnvelope) {
            self.epoch = epoch
            self.number = number
            self.envelope = envelope
        }
    }

    public static let format = "intersession-invite"
    /// No invite comes near this; a larger file is refused before it is read.
    public static let maximumBytes = 1_000_000
    public var group: GroupID
    public var genesis: SignedChange
    public var invite: EntityID
    public var secret: [UInt8]
    public var name: String
    public var organisation: String
    public var role: Role
    public var expires: Int64
    public var folders: [String]
    /// A re-admission's hint of the feed it replaces: `join` takes it up in that feed's home.
    /// Only a hint: the signed `replaces` of the invite in the log decides.
    public var replaces: FeedID?
    public var seal: Seal?
    /// Remotes the group syncs through (`RemoteLocation`s, never a credential): where a newcomer
    /// without the shared folder finds the group.
    public var remotes: [String]

    public init(group: GroupID, genesis: SignedChange, invite: EntityID, secret: [UInt8], name: String,
                organisation: String, role: Role, expires: Int64, folders: [String], replaces: FeedID? = nil, seal: Seal? = nil,
                remotes: [String] = []) {
        self.group = group
        self.genesis = genesis
        self.invite = invite
        self.secret = secret
        self.name = name
        self.organisation = organisation
        self.role = role
        self.expires = expires
        self.folders = folders
        self.replaces = replaces
        self.seal = seal
        self.remotes = remotes
    }

    public var bytes: [UInt8] {
        var fields: [String: JSONValue] = [
            Self.format: 1, "group": .string(group.hex),
            "genesis": ["sig": .string(Data(genesis.signature).base64EncodedString()),
                        "body": .string(String(decoding: genesis.bytes, as: UTF8.self))],
            "invite": .string(invite.hex), "secret": .string(Hex.encode(secret)), "name": .string(name),
            "org": .string(organisation), "role": .string(role.rawValue), "expires": .int(expires),
            "folders": .array(folders.map { .string($0) }),
        ]
        if let replaces { fields["replaces"] = .string(replaces.hex) }
        if !remotes.isEmpty { fields["remotes"] = .array(remotes.map { .string($0) }) }
        if let seal {
            fields["seal"] = ["epoch": .string(seal.epoch.hex), "number": .int(seal.number),
                              "envelope": .string(Data(seal.envelope.bytes).base64EncodedString())]
        }
        return CanonicalJSON.encode(.object(fields)) + [0x0A]
    }

    public init(bytes: [UInt8]) throws(InviteError) {
        guard bytes.count <= Self.maximumBytes, let json = try? JSONParser.parse(bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes),
            json[Self.format]?.intValue == 1
        else { throw .notAnInvite }
        guard let groupText = json["group"]?.stringValue, let group = GroupID(hex: groupText),
            let signature = json["genesis"]?["sig"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
            let body = json["genesis"]?["body"]?.stringValue,
            let genesis = try? SignedChange(bytes: Array(body.utf8), signature: Array(signature)),
            genesis.hash == group, genesis.body.isGenesis, genesis.verifySignature(),
            let invite = json["invite"]?.stringValue.flatMap(EntityID.init(hex:)),
            let secret = json["secret"]?.stringValue.flatMap(Hex.decode), secret.count == 32,
            let name = json["name"]?.stringValue, let organisation = json["org"]?.stringValue,
            let role = json["role"]?.stringValue.flatMap(Role.init(rawValue:)),
            let expires = json["expires"]?.intValue
        else { throw .damaged }
        self.init(group: group, genesis: genesis, invite: invite, secret: secret, name: name, organisation: organisation,
                  role: role, expires: expires,
                  folders: (json["folders"]?.arrayValue ?? []).compactMap(\.stringValue),
                  replaces: json["replaces"]?.stringValue.flatMap(FeedID.init(hex:)), seal: try Self.seal(json["seal"]),
                  remotes: (json["remotes"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { try? RemoteLocation(parsing: $0).description } })
    }

    private static func seal(_ json: JSONValue?) throws(InviteError) -> Seal? {
        guard let json, !json.isNull else { return nil }
        guard let epoch = json["epoch"]?.stringValue.flatMap(EntityID.init(hex:)), let number = json["number"]?.intValue,
            let envelope = json["envelope"]?.stringValue.flatMap({ Data(base64Encoded: $0) }).flatMap({ EpochEnvelope(bytes: Array($0)) })
        else { throw .damaged }
        return Seal(epoch: epoch, number: number, envelope: envelope)
    }
}

extension InviteFile {
    /// Reads the invite file at `path`, refusing one too large to be an invite before reading
    /// it (its size is taken from the opened file, so a swapped file is bounded too).
    public static func read(path: String) throws -> InviteFile {
        let bytes: [UInt8]
        do {
            bytes = try Files.read(path, limit: maximumBytes)
        } catch .tooLarge(_, let size) {
            throw InviteError.tooLarge(path, size)
        }
        return try InviteFile(bytes: bytes)
    }
}

public enum InviteError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnInvite
    case damaged
    case expired(Int64)
    case noFolder
    case groupNotInFolder(String)
    case otherGroup(String)
    case notYetInFolder
    case alreadyUsed(String)
    case cancelled
    case wrongKey
    case tooLarge(String, Int64)
    /// A sealed group's newer epoch is not wrapped for the invite key: shut out.
    case lockedOut

    public var description: String {
        switch self {
        case .notAnInvite: "this is not an Intersession invite file"
        case .damaged: "the invite file is damaged (its group or genesis does not check out)"
        case .expired(let millis):
            "this invite expired on \(Date(timeIntervalSince1970: Double(millis) / 1000).formatted(date: .abbreviated, time: .omitted)); ask the secretariat for a new one"
        case .noFolder: "the invite names no shared folder that exists here; give one with --folder PATH"
        case .groupNotInFolder(let path): "the shared folder \(path) does not hold this group yet; check --folder, or ask the secretariat to sync"
        case .otherGroup(let path): "the shared folder \(path) holds another group under this group's name"
        case .notYetInFolder: "the invite is not in the shared folder yet; ask the secretariat to sync, then try again"
        case .alreadyUsed(let who): "this invite was already used (by \(who)); ask the secretariat for a new one"
        case .cancelled: "the secretariat cancelled this invite; ask them for a new one"
        case .wrongKey: "the invite's secret does not match the invite in the group"
        case .tooLarge(let path, let size): "\(path) is \(size) bytes, far too large for an invite file"
        case .lockedOut: "this invite does not open the group's newest key: the secretariat cancelled it, or it was used or has expired (ask for a new one); if it was sent just now, ask the secretariat to sync, then try again"
        }
    }
}
