import IntersessionCore
import IntersessionStore

/// The practices, by state: title in the interface's language, state, version, delegation,
/// topics and editions.
enum LibraryListView {
    static func render(_ state: LibraryListState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let parts = Layout(.vertical, [.length(1), .fill(minimum: 1)]).split(area)
        let filter = state.state.map { catalog[Update.practiceStateText($0.rawValue)] } ?? catalog[.practiceFilterAll]
        buffer.write(" " + catalog[.practiceFilter, filter], x: 0, row: 0, in: parts[0], style: theme.meta)
        if state.list.loaded, state.list.items.isEmpty {
            buffer.write(" " + catalog[.practicesEmpty], x: 0, row: 0, in: parts[1], style: theme.meta)
            return nil
        }
        var widget = List(state.list, height: parts[1].height, theme: theme, plain: model.plain) { practice in
            let right = [catalog[Update.practiceStateText(practice.state)], catalog[.practiceVersion, model.formats.number(practice.version)],
                         practice.topics.joined(separator: ", ")] + practice.editions
            return List.Row((model.plain ? "" : "  ") + practice.title.text(in: model.language) + " · " + practice.submitter.delegation,
                            trailing: right.joined(separator: " · "), style: practice.state == PracticeState.withdrawn.rawValue ? theme.meta : theme.normal,
                            trailingStyle: theme.meta)
        }
        widget.minimumLeading = 16
        buffer.render(widget, in: parts[1])
        return model.plain ? widget.cursor(in: parts[1]) : nil
    }
}

/// A practice: its title in both languages, where it stands, who submitted it for whom, its
/// topics and editions, its summary and sections in both languages, and its history (steps
/// overtaken by concurrent ones marked); the edition being chosen to publish it in.
enum PracticeView {
    static func lines(_ detail: PracticeDetail, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        let catalog = model.catalog
        let summary = detail.summary
        let other: Language = model.language == .en ? .fr : .en
        var lines: [(String, Style)] = [(summary.title.text(in: model.language), theme.accent)]
        if let translated = other == .en ? summary.title.en : summary.title.fr, translated != summary.title.text(in: model.language) {
            lines.append((translated, theme.meta))
        }
        let person = summary.submitter.name + (summary.submitter.delegation.isEmpty ? "" : " (" + summary.submitter.delegation + ")")
        lines.append((catalog[.practiceStanding, catalog[Update.practiceStateText(summary.state)], model.formats.number(summary.version), person], theme.normal))
        if let business = summary.business { lines.append((catalog[.practiceBusiness, business], theme.normal)) }
        lines.append((catalog[.practiceTopics, summary.topics.joined(separator: ", ")], theme.meta))
        if !summary.editions.isEmpty { lines.append((catalog[.practiceEditions, summary.editions.joined(separator: ", ")], theme.meta)) }
        if let current = detail.current {
            lines += text(catalog[.practiceSummary], current.summary, original: current.original, model, theme, width: width)
            for section in current.sections {
                lines += text(catalog[Update.sectionText(section.section)], section.text, original: current.original, model, theme, width: width)
            }
        }
        lines += AttachmentLines.lines(model.attachments[summary.id] ?? [], model, theme)
        lines += [("", theme.normal), (catalog[.practiceHistory], theme.accent)]
        for step in detail.history {
            var line = model.formats.date(step.at, now: model.now) + "  " + catalog[Update.practiceStepText(step.kind)] + " → "
                + catalog[Update.practiceStateText(step.state)] + " · " + step.by.name
            if !step.stands { line += " · " + catalog[.practiceOvertaken] }
            lines += WordWrap.lines(line, width: width).map { ($0, step.stands ? theme.normal : theme.meta) }
            if let note = step.note { lines += WordWrap.lines("  " + note, width: width).map { ($0, theme.meta) } }
        }
        return lines
    }

    /// A heading and the text in each language it is given in, the original first marked.
    static func text(_ heading: String, _ text: BilingualText, original: String, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = [("", theme.normal), (heading, theme.accent)]
        let languages = original == Language.fr.rawValue ? [Language.fr, .en] : [.en, .fr]
        for language in languages {
            guard let body = language == .en ? text.en : text.fr else { continue }
            let label = language.rawValue.uppercased() + (language.rawValue == original ? "*" : "") + " "
            for (index, line) in WordWrap.lines(body, width: max(1, width - label.count)).enumerated() {
                lines.append(((index == 0 ? label : String(repeating: " ", count: label.count)) + line, theme.normal))
            }
        }
        return lines
    }

    static func render(_ state: PracticeScreenState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = state.detail else { return nil }
        let lines = lines(detail, model, theme, width: max(1, area.width - 2))
        let scroll = min(state.scroll, ScrollView.maximumScroll(lines: lines.count, height: area.height))
        buffer.render(ScrollView(lines: lines, scroll: scroll, indicatorStyle: theme.meta, indent: 1), in: area)
        if let chosen = state.choosingNewer {
            return renderPicker(model.catalog[.practiceNewerPrompt], state.newerChoices.map { $0.title.text(in: model.language) }, chosen, model, theme, area, &buffer)
        }
        if let chosen = state.choosingText {
            return renderPicker(model.catalog[.practiceTextPrompt], PracticeTextField.all.map { fieldName($0, model) }, chosen, model, theme, area, &buffer)
        }
        guard let chosen = state.choosingEdition else { return model.plain ? (area.x + 1, area.y) : nil }
        let rows = min(area.height, state.editions.count + 1)
        let box = Rect(x: area.x, y: area.y + max(0, area.height - rows), width: area.width, height: rows)
        buffer.fill(box, style: theme.status)
        buffer.write(" " + model.catalog[.practiceEditionPrompt], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
        for (index, edition) in state.editions.enumerated() {
            buffer.write((index == chosen ? " > " : "   ") + edition.title.text(in: model.language), x: 0, row: index + 1, in: box,
                         style: index == chosen ? theme.selected : theme.status)
        }
        return model.plain && !box.isEmpty ? (box.x + 1, box.y + min(box.height - 1, chosen + 1)) : nil
    }

    /// A picker at the bottom over the practice: a heading, then the choices, the chosen marked.
    static func renderPicker(_ heading: String, _ choices: [String], _ chosen: Int, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let picker = Picker(heading: heading, choices: choices.map(\.terminalSafe), chosen: chosen, style: theme.status,
                            headingStyle: theme.status.adding(.bold), chosenStyle: theme.selected)
        let box = Layout.bottom(choices.count + 1, of: area)
        buffer.render(picker, in: box)
        return model.plain ? picker.cursor(in: box) : nil
    }

    /// "Title (EN)", "Contexte (FR)": a text of a practice in one language, as a picker names it.
    static func fieldName(_ field: PracticeTextField, _ model: Model) -> String {
        let part: TextKey = switch field.part {
        case .title: .practiceTitleField
        case .summary: .practiceSummary
        case .section(let section): Update.sectionText(section.rawValue)
        }
        return model.catalog[part] + " (" + field.language.rawValue.uppercased() + ")"
    }
}

/// A practice's versions, and what the chosen one changed from the one before it, field by
/// field and language by language.
enum PracticeVersionsView {
    static func changes(_ versions: [PracticeVersionView], at index: Int, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        guard versions.indices.contains(index) else { return [] }
        let catalog = model.catalog
        let version = versions[index]
        guard index > 0 else { return [(catalog[.practiceFirstVersion], theme.meta)] }
        let before = versions[index - 1]
        func fields(_ version: PracticeVersionView) -> [(String, BilingualText)] {
            [(catalog[.practiceTitleField], version.title), (catalog[.practiceSummary], version.summary)]
                + PracticeSection.allCases.map { section in
                    (catalog[Update.sectionText(section.rawValue)],
                     version.sections.first { $0.section == section.rawValue }?.text ?? BilingualText(en: nil, fr: nil))
                }
        }
        var lines: [(String, Style)] = [(catalog[.practiceChanges, model.formats.number(before.number), model.formats.number(version.number)], theme.accent)]
        for ((heading, old), (_, new)) in zip(fields(before), fields(version)) {
            for language in Language.allCases {
                let was = language == .en ? old.en : old.fr, now = language == .en ? new.en : new.fr
                guard was != now else { continue }
                lines.append(("", theme.normal))
                lines.append((heading + " " + language.rawValue.uppercased(), theme.accent))
                lines += WordWrap.lines("− " + (was ?? "∅"), width: width).map { ($0, theme.meta) }
                lines += WordWrap.lines("+ " + (now ?? "∅"), width: width).map { ($0, theme.normal) }
            }
        }
        if version.topics != before.topics {
            lines += [("", theme.normal), (catalog[.practiceTopics, before.topics.joined(separator: ", ") + " → " + version.topics.joined(separator: ", ")], theme.normal)]
        }
        if lines.count == 1 { lines.append((catalog[.practiceNoChange], theme.meta)) }
        return lines
    }

    static func render(_ state: PracticeVersionsState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let listRows = min(max(1, state.list.items.count), max(1, area.height / 3))
        let parts = Layout(.vertical, [.length(listRows), .fill(minimum: 1)], spacing: 1).split(area)
        var widget = List(state.list, height: parts[0].height, theme: theme, plain: model.plain) { version in
            List.Row((model.plain ? "" : "  ") + catalog[.practiceVersion, model.formats.number(version.number)] + "  " + version.title.text(in: model.language),
                     trailing: model.formats.date(version.at, now: model.now), style: theme.normal, trailingStyle: theme.meta)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: parts[0])
        let lines = changes(state.list.items, at: state.list.selected, model, theme, width: max(1, area.width - 2))
        buffer.render(ScrollView(lines: lines, scroll: 0, indicatorStyle: theme.meta, indent: 1), in: parts[1])
        return model.plain ? widget.cursor(in: parts[0]) : nil
    }
}

/// The library screens as `View`, `Chrome` and `Confirmation` ask for them.
enum LibraryScreensView {
    static func render(_ screen: LibraryScreen, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        switch screen {
        case .list(let state): LibraryListView.render(state, model, theme, area, &buffer)
        case .practice(let state): PracticeView.render(state, model, theme, area, &buffer)
        case .versions(let state): PracticeVersionsView.render(state, model, theme, area, &buffer)
        }
    }

    static func title(_ screen: LibraryScreen, _ model: Model) -> String {
        switch screen {
        case .list: model.catalog[.libraryTitle]
        case .practice(let state): state.detail?.summary.title.text(in: model.language) ?? model.catalog[.libraryTitle]
        case .versions(let state): model.catalog[.practiceVersionsTitle, state.detail?.summary.title.text(in: model.language) ?? ""]
        }
    }

    /// The question before a step that no later step takes back: an endorsement, a
    /// publication, a withdrawal.
    static func question(_ effect: LibraryEffect, _ model: Model) -> String {
        if case .supersede(let practice, let newer) = effect {
            return model.catalog[.confirmPracticeSupersede, practiceTitle(practice, model), practiceTitle(newer, model)]
        }
        guard case .step(let practice, let kind, let edition) = effect else { return "" }
        var title = String(practice.prefix(8))
        var editionTitle = edition.map { String($0.prefix(8)) } ?? ""
        for screen in model.screens.reversed() {
            guard case .library(.practice(let state)) = screen, state.id == practice else { continue }
            if let shown = state.detail?.summary.title.text(in: model.language) { title = shown.terminalSafe }
            if let named = state.editions.first(where: { $0.id == edition }) { editionTitle = named.title.text(in: model.language).terminalSafe }
        }
        switch kind {
        case .publish: return model.catalog[.confirmPracticePublish, title, editionTitle]
        case .withdraw: return model.catalog[.confirmPracticeWithdraw, title]
        default: return model.catalog[.confirmPracticeEndorse, title]
        }
    }

    /// A practice's title as the screens below know it, else its id's first characters.
    static func practiceTitle(_ id: String, _ model: Model) -> String {
        for screen in model.screens.reversed() {
            guard case .library(.practice(let state)) = screen else { continue }
            if state.id == id, let shown = state.detail?.summary.title.text(in: model.language) { return shown.terminalSafe }
            if let other = state.others.first(where: { $0.id == id }) { return other.title.text(in: model.language).terminalSafe }
        }
        return String(id.prefix(8))
    }

    static func isIrreversible(_ effect: LibraryEffect) -> Bool {
        if case .supersede = effect { return true }
        guard case .step(_, let kind, _) = effect else { return false }
        return [.endorse, .publish, .withdraw].contains(kind)
    }
}
