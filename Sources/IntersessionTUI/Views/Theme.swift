/// The styles of the interface. Without colours (NO_COLOR, a monochrome terminal) the same
/// distinctions are made with attributes alone.
public struct Theme: Sendable {
    public var header: Style
    public var selected: Style
    public var unread: Style
    public var normal: Style
    public var meta: Style
    public var quote: Style
    public var status: Style
    public var flash: Style
    public var border: Style
    public var accent: Style

    public static func make(colors: Bool) -> Theme {
        if !colors {
            return Theme(
                header: Style(attributes: [.reverse]), selected: Style(attributes: [.reverse]),
                unread: Style(attributes: [.bold]), normal: .plain, meta: Style(attributes: [.dim]),
                quote: Style(attributes: [.dim]), status: Style(attributes: [.reverse]),
                flash: Style(attributes: [.bold, .reverse]), border: .plain, accent: Style(attributes: [.bold]))
        }
        return Theme(
            header: Style(foreground: .brightWhite, background: .blue, attributes: [.bold]),
            selected: Style(foreground: .black, background: .cyan),
            unread: Style(foreground: .brightWhite, attributes: [.bold]),
            normal: .plain,
            meta: Style(foreground: .brightBlack),
            quote: Style(foreground: .green),
            status: Style(foreground: .white, background: .brightBlack),
            flash: Style(foreground: .black, background: .yellow),
            border: Style(foreground: .brightBlack),
            accent: Style(foreground: .yellow, attributes: [.bold]))
    }
}
