import IntersessionCore

/// The attachments screen's keys, messages and bindings: `F` opens it over a post, a draft, an
/// agenda item's thread or a practice; every act is the command line's, through the Actions.
extension Update {
    /// Opens the attachments of `target` over the current screen, listed as already known.
    static func openAttachments(of target: String, _ model: inout Model) -> [Effect] {
        var state = AttachmentsState(target: target)
        state.list = ListState(items: model.attachments[target] ?? [])
        model.screens.append(.attachments(state))
        return [.attachment(.load(target: target))]
    }

    static func attachmentsKey(_ key: Key, _ state: inout AttachmentsState, _ model: inout Model) -> [Effect] {
        defer { if case .attachments = model.screen { model.screen = .attachments(state) } }
        if let prompt = state.prompt { return attachmentPromptKey(key, prompt, &state) }
        if navigate(key, &state.list, rows: model.contentRows) { return [] }
        switch key.name {
        case "enter", "w":
            guard let entry = state.list.current else { return [] }
            state.prompt = .save(attachment: entry.id, path: TextEditor(state.defaultSavePath(entry), singleLine: true))
        case "o":
            guard let entry = state.list.current else { return [] }
            return [.attachment(.open(attachment: entry.id))]
        case "a":
            state.prompt = .attach(path: TextEditor(singleLine: true))
        case "left", "h":
            return goBack(&model)
        default:
            break
        }
        return []
    }

    /// A path being typed: Enter takes it, Esc leaves it.
    static func attachmentPromptKey(_ key: Key, _ prompt: AttachmentsState.Prompt, _ state: inout AttachmentsState) -> [Effect] {
        if key == .escape {
            state.prompt = nil
            return []
        }
        switch prompt {
        case .save(let id, var path):
            if key == .enter {
                let typed = path.text.trimmingCharacters(in: .whitespaces)
                guard !typed.isEmpty else { return [] }
                state.prompt = nil
                return [.attachment(.save(attachment: id, path: typed, overwrite: false))]
            }
            _ = path.handle(key)
            state.prompt = .save(attachment: id, path: path)
        case .attach(var path):
            if key == .enter {
                let typed = path.text.trimmingCharacters(in: .whitespaces)
                guard !typed.isEmpty else { return [] }
                state.prompt = nil
                return [.attachment(.attach(file: typed, target: state.target))]
            }
            _ = path.handle(key)
            state.prompt = .attach(path: path)
        }
        return []
    }

    static func attachmentMessage(_ message: AttachmentMessage, _ model: inout Model) -> [Effect] {
        let catalog = model.catalog
        switch message {
        case .loaded(let target, let entries, let folder):
            model.attachments[target] = entries
            model.updateScreens { screen in
                guard case .attachments(var state) = screen, state.target == target else { return }
                state.list.replace(entries, keeping: \.id)
                state.saveFolder = folder
                screen = .attachments(state)
            }
            return []
        case .progress(let name, let held, let total):
            let percent = total == 0 ? 100 : Int(held * 100 / total)
            model.flash = catalog[.attachmentProgress, name.terminalSafe, AttachmentLines.size(held, catalog), AttachmentLines.size(total, catalog),
                                  model.formats.number(percent)]
            return []
        case .exists(let id, let path):
            model.confirmation = Confirmation(question: catalog[.confirmAttachmentOverwrite, path.terminalSafe],
                                              effects: [.attachment(.save(attachment: id, path: path, overwrite: true))])
            return []
        case .saved(let path): model.flash = catalog[.attachmentSaved, path.terminalSafe]
        case .opened(let path): model.flash = catalog[.attachmentOpened, path.terminalSafe]
        case .savedOnly(let path): model.flash = catalog[.attachmentNoOpener, path.terminalSafe]
        case .attached: model.flash = catalog[.attachmentAttached]
        }
        return reloadCurrent(model)
    }
}

extension Bindings {
    /// `F` where attachments are listed.
    static let attachments = Binding("F", help: .helpAttachments)

    static func of(_ state: AttachmentsState, _ model: Model) -> [Binding] {
        if state.prompt != nil {
            return [Binding("enter", help: .helpAttachmentPath), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
        }
        let acts = state.list.current == nil ? [] : [Binding("enter", "w", help: .helpAttachmentSave), Binding("o", help: .helpAttachmentOpen)]
        return moving(state.list.items.count) + acts + [Binding("a", help: .helpAttachmentAdd), back] + reading
    }
}
