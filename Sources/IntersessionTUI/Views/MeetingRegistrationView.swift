import IntersessionCore
import IntersessionStore

/// Registering someone else for a meeting, over the agenda: the member (name and
/// organisation), then the capacity, then the delegation typed, then (the secretariat) the
/// delegation's category.
enum MeetingRegistrationView {
    static func render(_ prompt: RegistrationPrompt, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let member = prompt.members[prompt.member]
        switch prompt.step {
        case .member:
            let picker = Picker(heading: catalog[.meetingRegisterWho],
                                choices: prompt.members.map { catalog[.labelled, $0.name, $0.organisation] },
                                chosen: prompt.member, style: theme.normal, headingStyle: theme.meta, chosenStyle: theme.selected)
            buffer.render(picker, in: area)
            return model.plain ? picker.cursor(in: area) : nil
        case .capacity:
            let picker = Picker(heading: catalog[.meetingRegisterCapacity] + " " + member.name,
                                choices: RegistrationPrompt.capacities.map { catalog[Update.capacityText($0)] },
                                chosen: prompt.capacity, style: theme.normal, headingStyle: theme.meta, chosenStyle: theme.selected)
            buffer.render(picker, in: area)
            return model.plain ? picker.cursor(in: area) : nil
        case .category:
            let picker = Picker(heading: catalog[.meetingRegisterCategory, prompt.delegationTyped],
                                choices: RegistrationPrompt.categories.map { catalog[Update.categoryText($0)] },
                                chosen: prompt.category, style: theme.normal, headingStyle: theme.meta, chosenStyle: theme.selected)
            buffer.render(picker, in: area)
            return model.plain ? picker.cursor(in: area) : nil
        case .delegation:
            buffer.fill(area.intersection(buffer.area), style: theme.normal)
            let capacity = catalog[Update.capacityText(RegistrationPrompt.capacities[prompt.capacity])]
            buffer.write(" " + catalog[.labelled, member.name, capacity], x: 0, row: 0, in: area, style: theme.meta)
            guard area.height > 1 else { return nil }
            let label = catalog[.meetingRegisterDelegation]
            let row = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
            buffer.fill(row, style: theme.status)
            buffer.write(" " + label, x: 0, row: 0, in: row, style: theme.status)
            let field = Rect(x: row.x + 2 + label.cellWidth, y: row.y, width: max(0, row.width - label.cellWidth - 3), height: 1)
            return EditorView.render(prompt.delegation, field, theme.status, &buffer)
        }
    }
}
