import Foundation
import IntersessionCore
import IntersessionResources

extension DemoWorkspace {
    /// How long before now the demo's first change is dated, so that it reads as recent work.
    static let ageDays = 3

    /// The demo's content; the workspace is made first (its first change dated a few days
    /// before `now`) unless it exists already. What the command line and the interface open.
    @discardableResult
    public func prepare(now: Int64) throws -> DemoContent {
        let content = try DemoContent(json: Array(EmbeddedResources.demoContent))
        if !exists(content) {
            let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
            try create(content: content, template: template, start: now - Int64(Self.ageDays) * Terms.dayMillis)
        }
        return content
    }
}
