import IntersessionCore
import IntersessionStore

extension Update {
    /// The secretariat's keys on the members screen; nil when the key is not one of them.
    static func membersKey(_ key: Key, _ list: ListState<MemberSummary>, _ model: inout Model) -> [Effect]? {
        guard model.isSecretariat else { return nil }
        switch key.name {
        case "g": model.memberAction = list.current.map { MemberAction(kind: .grant, member: $0) }
        case "v": model.memberAction = list.current.map { MemberAction(kind: .revoke, member: $0) }
        case "X": model.memberAction = list.current.map { MemberAction(kind: .remove, member: $0) }
        case "i": model.memberAction = MemberAction(kind: .invite, member: nil)
        case "a":
            guard let member = list.current, let invite = member.contestedInvite else { return [] }
            return [.admit(feed: member.feed, invite: invite)]
        default: return nil
        }
        return []
    }

    static func memberActionKey(_ key: Key, _ action: inout MemberAction, _ model: inout Model) -> [Effect] {
        let roles = Role.allCases.count
        if key == .escape {
            model.memberAction = nil
            return []
        }
        if action.kind == .invite, action.field != 2, !["enter", "tab", "shift+tab"].contains(key.name) {
            switch action.field {
            case 0: _ = action.name.handle(key)
            case 1: _ = action.organisation.handle(key)
            default: _ = action.file.handle(key)
            }
            model.memberAction = action
            return []
        }
        switch key.name {
        case "up", "k": action.role = (action.role + roles - 1) % roles
        case "down", "j": action.role = (action.role + 1) % roles
        case "tab": action.field = (action.field + 1) % 4
        case "shift+tab": action.field = (action.field + 3) % 4
        case "enter":
            if action.kind == .invite, action.field < 3 {
                action.field += 1
                model.memberAction = action
                return []
            }
            model.memberAction = nil
            return memberEffect(action)
        default: break
        }
        model.memberAction = action
        return []
    }

    static func memberEffect(_ action: MemberAction) -> [Effect] {
        switch action.kind {
        case .grant: return action.member.map { [.grantRole(feed: $0.feed, role: action.chosenRole)] } ?? []
        case .revoke: return action.member.map { [.revokeRole(feed: $0.feed, role: action.chosenRole)] } ?? []
        case .remove: return action.member.map { [.revokeRole(feed: $0.feed, role: nil)] } ?? []
        case .invite:
            let name = action.name.text.trimmingCharacters(in: .whitespaces)
            let organisation = action.organisation.text.trimmingCharacters(in: .whitespaces)
            let file = action.file.text.trimmingCharacters(in: .whitespaces)
            guard ContentCheck.isName(name), ContentCheck.isName(organisation), !file.isEmpty else { return [] }
            return [.invite(name: name, organisation: organisation, role: action.chosenRole, file: file)]
        }
    }

    static func roleText(_ role: Role) -> TextKey {
        switch role {
        case .secretariat: .roleSecretariat
        case .cochair: .roleCochair
        case .member: .roleMember
        case .partner: .rolePartner
        case .private: .rolePrivate
        case .observer: .roleObserver
        case .expert: .roleExpert
        }
    }
}

import Foundation
