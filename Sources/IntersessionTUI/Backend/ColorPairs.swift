/// Hands out ncurses colour pairs as styles ask for them: each (foreground, background)
/// gets a pair number the first time it is seen and keeps it. Pair 0 is the terminal's
/// own colours; when the pairs run out, further combinations fall back to it.
struct ColorPairs: Sendable {
    /// A foreground and a background as ncurses colour numbers (-1 for the terminal's own).
    struct Colors: Sendable, Hashable {
        var foreground: Int
        var background: Int
    }

    /// A pair number, and the colours to give it with `init_pair` when it is new.
    struct Allocation: Sendable, Hashable {
        var pair: Int
        var initialize: Colors?
    }

    /// `COLOR_PAIRS`: pair numbers run from 1 to one less than this (and stay in a C short).
    let pairLimit: Int
    /// `COLORS`: how many palette entries the terminal has.
    let colorCount: Int
    /// Whether `use_default_colors` succeeded, so -1 means the terminal's own colour.
    let defaultColors: Bool
    private var pairs: [Colors: Int] = [:]

    init(pairLimit: Int, colorCount: Int, defaultColors: Bool) {
        self.pairLimit = min(pairLimit, Int(Int16.max))
        self.colorCount = max(colorCount, 8)
        self.defaultColors = defaultColors
    }

    /// The pair for a style's colours, allocating one if it is the first time.
    mutating func pair(foreground: Color, background: Color) -> Allocation {
        let colors = Colors(foreground: number(for: foreground, isForeground: true),
                            background: number(for: background, isForeground: false))
        if colors == defaultPairColors { return Allocation(pair: 0) }
        if let pair = pairs[colors] { return Allocation(pair: pair) }
        let pair = pairs.count + 1
        guard pair < pairLimit else { return Allocation(pair: 0) }
        pairs[colors] = pair
        return Allocation(pair: pair, initialize: colors)
    }

    /// What pair 0 shows: the terminal's colours, or white on black without default colours.
    private var defaultPairColors: Colors {
        defaultColors ? Colors(foreground: -1, background: -1) : Colors(foreground: 7, background: 0)
    }

    /// The ncurses colour number for `color` on this terminal.
    func number(for color: Color, isForeground: Bool) -> Int {
        guard let index = color.paletteIndex else {
            return defaultColors ? -1 : (isForeground ? 7 : 0)
        }
        return Self.approximate(index, colorCount: colorCount)
    }

    /// The palette entry closest to `index` among the first `colorCount`: a bright colour
    /// becomes its plain one on an 8-colour terminal; a 256-palette colour becomes the basic
    /// colour with the same hue (bright if light enough and the terminal has 16).
    static func approximate(_ index: Int, colorCount: Int) -> Int {
        if index < colorCount { return index }
        if index < 16 { return index - 8 }
        let hasBright = colorCount >= 16
        if index >= 232 {
            // The grey ramp, from nearly black to nearly white.
            switch index - 232 {
            case ..<6: return 0
            case ..<12: return hasBright ? 8 : 0
            case ..<18: return 7
            default: return hasBright ? 15 : 7
            }
        }
        // The 6×6×6 cube: red, green and blue levels 0–5; basic colours number red 1,
        // green 2, blue 4.
        let cube = index - 16
        let red = cube / 36, green = cube / 6 % 6, blue = cube % 6
        let brightest = max(red, green, blue)
        guard brightest > 0 else { return 0 }
        // A channel counts when it is near the strongest one.
        let threshold = max(1, brightest - 1)
        let basic = (red >= threshold ? 1 : 0) + (green >= threshold ? 2 : 0) + (blue >= threshold ? 4 : 0)
        return hasBright && brightest >= 4 ? basic + 8 : basic
    }
}
