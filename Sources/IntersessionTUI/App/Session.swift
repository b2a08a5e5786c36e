import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The open profile the interface works on.
public struct Session: Sendable {
    public let home: ProfileHome
    public let store: AppDatabase
    public let key: DeviceKey

    public init(home: ProfileHome, store: AppDatabase, key: DeviceKey) {
        self.home = home
        self.store = store
        self.key = key
    }

    public static func open(_ home: ProfileHome) throws -> Session {
        Session(home: home, store: try home.openStore(), key: try home.loadKey())
    }

    var folders: [String] { (try? RememberedFolders(store: store).list()) ?? [] }

    var writingLanguage: Language { Actions.writingLanguage(of: home) }

    /// The acts of this profile, as of now (its folders read afresh).
    func actions(clock: @escaping () -> Int64) throws -> Actions {
        try Actions(store: store, key: key, folders: folders, writingLanguage: writingLanguage, clock: clock)
    }

    /// The group's title in both languages; the screen shows it in the screen's language,
    /// which need not be the one the profile writes in.
    public var groupTitles: LocalizedText {
        guard let group = try? store.groupSummary() else { return LocalizedText(english: nil, french: nil) }
        return LocalizedText(english: group.titleEnglish, french: group.titleFrench)
    }
}
