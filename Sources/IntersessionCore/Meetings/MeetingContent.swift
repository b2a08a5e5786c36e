/// The limits on what a meeting's ops carry, checked on apply (a change may come from a
/// replica that checked nothing) and by the acts before signing.
public enum MeetingContent {
    static let maximumList = 50

    public static func isValid(_ op: MeetingOp) -> Bool {
        switch op {
        case .new(let meeting):
            return ContentCheck.isTitle(meeting.title) && ContentCheck.isTitle(meeting.body) && ContentCheck.isTitle(meeting.number)
                && isDate(meeting.starts) && isDate(meeting.ends) && meeting.starts <= meeting.ends
                && meeting.presiding.count <= maximumList
        case .phase:
            return true
        case .item(let item):
            return ContentCheck.isTitle(item.number) && ContentCheck.isTitle(item.title) && ContentCheck.isOptionalBody(item.text)
                && item.documents.count <= maximumList && item.documents.allSatisfy { $0.version.map(ContentCheck.isTitle) ?? true }
        case .register(let registration):
            return ContentCheck.isName(registration.delegation)
        case .concern(let concern):
            return ContentCheck.isBody(concern.text)
        case .answer(let answer):
            return ContentCheck.isBody(answer.text)
        case .outcome(let outcome):
            return ContentCheck.isBody(outcome.summary) && outcome.replaces.count <= maximumList
        case .category(let category):
            return ContentCheck.isName(category.delegation)
        }
    }

    /// A calendar day as `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        let digits = bytes.indices.filter { $0 != 4 && $0 != 7 }
        guard digits.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }) else { return false }
        let month = Int(text.dropFirst(5).prefix(2)) ?? 0, day = Int(text.suffix(2)) ?? 0
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
