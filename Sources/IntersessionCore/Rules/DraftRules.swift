/// Who may do what to drafts and amendments. A penholder's act counts only if its seq lies in
/// a span of their own feed where they hold the draft's pen (`Tenure`), as roles do: the base an
/// edit declares is the author's to choose, so it decides nothing.
enum DraftRules {
    static func mutations(
        _ op: Op, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader, reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        let stamp = change.stamp
        let author = change.body.author
        let moderates = roles.contains(where: \.moderates)
        let speaks = !roles.subtracting([.observer]).isEmpty
        func holdsPen(_ draft: EntityID) throws -> Bool {
            try moderates || reader.isPenholder(author, of: draft, atSeq: change.seq)
        }
        switch op {
        case .draftCreate(let create):
            guard moderates else { return reject(.notAuthorised) }
            guard ContentCheck.isTitle(create.title), ContentCheck.isTitle(create.symbol) else { return reject(.invalidContent) }
            guard try reader.topicExists(create.topic) else { return reject(.unknownTopic) }
            if let source = create.translationOf, try reader.draft(source) == nil { return reject(.unknownDraft) }
            let id = change.entity(index)
            return [.createDraft(id: id, draft: create, stamp: stamp),
                    .audit(index: index, action: op.type, target: id.hex, detail: create.symbol)]
        case .draftEdit(let edit):
            guard try reader.draft(edit.draft) != nil else { return reject(.unknownDraft) }
            guard try holdsPen(edit.draft) else { return reject(.notPenholder) }
            return [.editDraft(edit, stamp: stamp, opIndex: index)]
        case .draftPenholders(let penholders):
            guard moderates else { return reject(.notAuthorised) }
            guard try reader.draft(penholders.draft) != nil else { return reject(.unknownDraft) }
            return [.changePenholders(penholders, stamp: stamp),
                    .audit(index: index, action: op.type, target: penholders.draft.hex, detail: nil)]
        case .draftStatus(let status):
            guard try reader.draft(status.draft) != nil else { return reject(.unknownDraft) }
            guard moderates else { return reject(.notAuthorised) }
            return [.setRegister(entity: status.draft, register: .draftStatus, value: status.status.rawValue, stamp: stamp),
                    .audit(index: index, action: op.type, target: status.draft.hex, detail: status.status.rawValue)]
        case .draftVersion(let version):
            guard try reader.draft(version.draft) != nil else { return reject(.unknownDraft) }
            guard try holdsPen(version.draft) else { return reject(.notPenholder) }
            guard ContentCheck.isTitle(version.name) else { return reject(.invalidContent) }
            return [.addVersion(version, stamp: stamp),
                    .audit(index: index, action: op.type, target: version.draft.hex, detail: version.name)]
        case .amendPropose(let amendment):
            guard speaks else { return reject(.notAuthorised) }
            guard try reader.draft(amendment.draft) != nil else { return reject(.unknownDraft) }
            guard ContentCheck.isBody(amendment.rationale), amendment.text.utf8.count <= Limits.postBodyBytes,
                amendment.kind == .delete || !amendment.text.isEmpty, amendment.kind == .insert || amendment.from != nil
            else { return reject(.invalidContent) }
            return [.proposeAmendment(id: change.entity(index), amendment: amendment, stamp: stamp)]
        case .amendPosition(let position):
            guard speaks else { return reject(.notAuthorised) }
            guard try reader.amendmentDraft(position.amendment) != nil else { return reject(.unknownAmendment) }
            return [.amendmentPosition(amendment: position.amendment, supports: position.supports, reason: position.reason, stamp: stamp)]
        case .amendDecide(let decision):
            guard let draft = try reader.amendmentDraft(decision.amendment) else { return reject(.unknownAmendment) }
            guard try holdsPen(draft) else { return reject(.notPenholder) }
            return [.setRegister(entity: decision.amendment, register: .amendmentDecision,
                                 value: decision.accepted ? "accepted" : "rejected: " + (decision.reason ?? ""), stamp: stamp),
                    .audit(index: index, action: op.type, target: decision.amendment.hex, detail: decision.reason)]
        default:
            return []
        }
    }
}
