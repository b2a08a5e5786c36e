import IntersessionCore
import IntersessionStore

extension Update {
    static func handleKey(_ key: Key, _ model: inout Model) -> [Effect] {
        if key == .ctrl("c") { model.quitting = true; return [.quit] }
        if let confirmation = model.confirmation { return confirmKey(key, confirmation, &model) }
        if model.showHelp { return helpKey(key, &model) }
        model.flash = nil
        if let effects = modalKey(key, &model) { return effects }
        // A reading screen answers only to its bindings, the ones its help lists.
        guard Bindings.of(model).contains(where: { $0.matches(key) }) else { return [] }
        if case .members(let list) = model.screen, model.isSecretariat, key.name == "i" || key.name == "g" || key.name == "v" || key.name == "X" {
            return membersKey(key, list, &model) ?? []
        }
        if let effects = globalKey(key, &model) { return effects }
        return readingKey(key, &model)
    }

    /// A screen that is editing or asking something takes every key. Nil for the others.
    static func modalKey(_ key: Key, _ model: inout Model) -> [Effect]? {
        switch model.screen {
        case .compose(var compose):
            let effects = composeKey(key, &compose, &model)
            if case .compose = model.screen { model.screen = .compose(compose) }
            return effects
        case .search(var search) where search.editing:
            let effects = searchEditKey(key, &search, &model)
            if case .search = model.screen { model.screen = .search(search) }
            return effects
        case .welcome(let welcome) where welcome.step == .choose && ["?", "f1"].contains(key.name):
            model.showHelp = true
            model.helpScroll = 0
            return []
        case .welcome(var welcome):
            let effects = welcomeKey(key, &welcome, &model)
            if case .welcome = model.screen { model.screen = .welcome(welcome) }
            return effects
        case .thread(var thread) where thread.moderation != nil:
            return moderationKey(key, &thread, &model)
        case .poll(var poll) where poll.voting != nil:
            return pollKey(key, &poll, &model)
        case .meetings(.item(let state)) where state.prompt != nil:
            return meetingKey(key, .item(state), &model)
        case .meetings(.meeting(var state)) where state.registering != nil:
            return registrationKey(key, &state, &model)
        case .library(.practice(let state)) where state.isChoosing:
            return libraryKey(key, .practice(state), &model)
        case .report(var state) where state.prompt != nil:
            defer { if case .report = model.screen { model.screen = .report(state) } }
            return reportKey(key, &state, &model)
        case .amendments(var state) where state.rejecting != nil:
            return amendmentsKey(key, &state, &model)
        case .draft(var draft) where draft.prompt != nil:
            return draftKey(key, &draft, &model)
        case .attachments(var state) where state.prompt != nil:
            return attachmentsKey(key, &state, &model)
        case .members where model.memberAction != nil:
            var action = model.memberAction!
            return memberActionKey(key, &action, &model)
        default:
            return nil
        }
    }

    /// A reading screen's own keys, once the bindings and the global keys have passed.
    static func readingKey(_ key: Key, _ model: inout Model) -> [Effect] {
        switch model.screen {
        case .topics(var list):
            return topicsKey(key, &list, &model)
        case .threads(let topic, var list):
            return threadsKey(key, topic: topic, &list, &model)
        case .thread(var thread):
            return threadKey(key, &thread, &model)
        case .search(var search):
            return searchResultsKey(key, &search, &model)
        case .members(var list):
            if let effects = membersKey(key, list, &model) { return effects }
            if navigate(key, &list, rows: model.contentRows) { model.screen = .members(list) }
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        case .polls(var list):
            return pollsKey(key, &list, &model)
        case .poll(var poll):
            return pollKey(key, &poll, &model)
        case .audit(var list):
            if navigate(key, &list, rows: model.contentRows) { model.screen = .audit(list) }
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        case .drafts(var list):
            return draftsKey(key, &list, &model)
        case .draft(var draft):
            return draftKey(key, &draft, &model)
        case .draftDiff(var diff):
            return draftDiffKey(key, &diff, &model)
        case .amendments(var state):
            return amendmentsKey(key, &state, &model)
        case .meetings(let screen):
            return meetingKey(key, screen, &model)
        case .library(let screen):
            return libraryKey(key, screen, &model)
        case .attachments(var state):
            return attachmentsKey(key, &state, &model)
        case .report(var state):
            defer { if case .report = model.screen { model.screen = .report(state) } }
            return reportKey(key, &state, &model)
        case .compose, .welcome:
            return []
        }
    }

    /// Keys that mean the same on every reading screen. Nil when the key is not one of them.
    static func globalKey(_ key: Key, _ model: inout Model) -> [Effect]? {
        switch key.name {
        case "?", "f1":
            model.showHelp = true
            model.helpScroll = 0
            return []
        case "q", "esc":
            return goBack(&model)
        case "s":
            return [.sync]
        case "/":
            model.screens.append(.search(SearchState()))
            return []
        case "n":
            if case .thread(var thread) = model.screen, let effects = nextUnreadInThread(&thread, &model) { return effects }
            if case .thread(let thread) = model.screen { return [.findNextUnread(after: thread.id)] }
            return [.findNextUnread(after: nil)]
        case "@":
            model.screens.append(.members(ListState()))
            return [.loadMembers]
        case "A":
            model.screens.append(.audit(ListState()))
            return [.loadAudit]
        case "V":
            model.screens.append(.polls(ListState()))
            return [.loadPolls]
        case "D":
            model.screens.append(.drafts(ListState()))
            return [.loadDrafts]
        case "W":
            model.screens.append(.meetings(.list(ListState())))
            return [.meeting(.loadList)]
        case "B":
            model.screens.append(.library(.list(LibraryListState())))
            return [.library(.loadList)]
        case "T":
            return openReport(&model)
        case "L":
            let other: Language = model.language == .en ? .fr : .en
            model.catalog = Catalog(language: other)
            model.formats = model.formats.speaking(other)
            return [.setLanguage(other)]
        default:
            return nil
        }
    }

    static func goBack(_ model: inout Model) -> [Effect] {
        if model.screens.count > 1 {
            model.screens.removeLast()
            return reloadCurrent(model)
        }
        model.quitting = true
        return [.quit]
    }

    /// Moves a list's selection for the navigation keys; nil when the key is not one.
    static func navigate<Item>(_ key: Key, _ list: inout ListState<Item>, rows: Int) -> Bool {
        switch key.name {
        case "up", "k": list.move(by: -1)
        case "down", "j": list.move(by: 1)
        case "pgup", "ctrl+b": list.move(by: -max(1, rows - 1))
        case "pgdown", "ctrl+f", "space": list.move(by: max(1, rows - 1))
        case "home", "g": list.selected = 0
        case "end", "G": list.selected = max(0, list.items.count - 1)
        default: return false
        }
        list.reveal(rows: rows)
        return true
    }

    static func isOpen(_ key: Key) -> Bool { ["enter", "right", "l"].contains(key.name) }

    static func topicsKey(_ key: Key, _ list: inout ListState<TopicSummary>, _ model: inout Model) -> [Effect] {
        if navigate(key, &list, rows: model.contentRows) {
            model.screen = .topics(list)
            return []
        }
        if isOpen(key), let topic = list.current {
            model.screens.append(.threads(topic: topic, list: ListState()))
            return [.loadThreads(topic: topic.id)]
        }
        return []
    }

    static func threadsKey(_ key: Key, topic: TopicSummary, _ list: inout ListState<ThreadSummary>, _ model: inout Model) -> [Effect] {
        if navigate(key, &list, rows: model.contentRows) {
            model.screen = .threads(topic: topic, list: list)
            return []
        }
        if isOpen(key), let thread = list.current {
            model.screen = .threads(topic: topic, list: list)
            model.screens.append(.thread(ThreadState(id: thread.id)))
            return [.loadThread(id: thread.id)]
        }
        switch key.name {
        case "left", "h": return goBack(&model)
        case "c":
            model.screen = .threads(topic: topic, list: list)
            model.screens.append(.compose(ComposeState(kind: .thread(topic: topic))))
            return []
        case "M":
            guard let thread = list.current else { return [] }
            return [.markThreadRead(thread.id), .loadThreads(topic: topic.id)]
        default: return []
        }
    }
}
