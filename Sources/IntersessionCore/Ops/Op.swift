/// One operation inside a change. The `"t"` field names its type; unknown types are kept as
/// they are (a later version may know them) and are never applied.
public enum Op: Sendable, Hashable {
    case groupCreate(GroupCreate)
    case groupKey(GroupKey)
    case topicCreate(TopicCreate)
    case memberProfile(MemberProfile)
    case memberRole(MemberRole)
    case memberInvite(MemberInvite)
    case memberJoin(MemberJoin)
    case memberRevoke(MemberRevoke)
    case memberAdmit(MemberAdmit)
    case memberUninvite(MemberUninvite)
    case moderation(Moderation)
    case pollCreate(PollCreate)
    case pollVote(PollVote)
    case pollClose(PollClose)
    case pollOutcome(PollOutcome)
    case pollNominate(PollNominate)
    case pollAccept(PollAccept)
    case draftCreate(DraftCreate)
    case draftEdit(DraftEdit)
    case draftPenholders(DraftPenholders)
    case draftStatus(DraftSetStatus)
    case draftVersion(DraftVersion)
    case amendPropose(AmendPropose)
    case amendPosition(AmendPosition)
    case amendDecide(AmendDecide)
    case threadCreate(ThreadCreate)
    case postCreate(PostCreate)
    case postEdit(PostEdit)
    case postRetract(PostRetract)
    case meeting(MeetingOp)
    case attachment(AttachmentOp)
    case recommendation(RecommendationOp)
    case practice(PracticeOp)
    case unknown(type: String, JSONValue)

    public init(json: JSONValue) throws(ChangeFormatError) {
        let fields = try OpFields(json)
        let type = try fields.string("t")
        switch type {
        case GroupCreate.type: self = .groupCreate(try GroupCreate(fields))
        case GroupKey.type: self = .groupKey(try GroupKey(fields))
        case TopicCreate.type: self = .topicCreate(try TopicCreate(fields))
        case MemberProfile.type: self = .memberProfile(try MemberProfile(fields))
        case MemberRole.type: self = .memberRole(try MemberRole(fields))
        case MemberInvite.type: self = .memberInvite(try MemberInvite(fields))
        case MemberJoin.type: self = .memberJoin(try MemberJoin(fields))
        case MemberRevoke.type: self = .memberRevoke(try MemberRevoke(fields, removal: false))
        case MemberRevoke.removeType: self = .memberRevoke(try MemberRevoke(fields, removal: true))
        case MemberAdmit.type: self = .memberAdmit(try MemberAdmit(fields))
        case MemberUninvite.type: self = .memberUninvite(try MemberUninvite(fields))
        case PollCreate.type: self = .pollCreate(try PollCreate(fields))
        case PollVote.type: self = .pollVote(try PollVote(fields, objection: false))
        case PollVote.objectType: self = .pollVote(try PollVote(fields, objection: true))
        case PollClose.type: self = .pollClose(try PollClose(fields))
        case PollOutcome.type: self = .pollOutcome(try PollOutcome(fields))
        case PollNominate.type: self = .pollNominate(try PollNominate(fields))
        case PollAccept.type: self = .pollAccept(try PollAccept(fields))
        case DraftCreate.type: self = .draftCreate(try DraftCreate(fields))
        case DraftEdit.type: self = .draftEdit(try DraftEdit(fields))
        case DraftPenholders.type: self = .draftPenholders(try DraftPenholders(fields))
        case DraftSetStatus.type: self = .draftStatus(try DraftSetStatus(fields))
        case DraftVersion.type: self = .draftVersion(try DraftVersion(fields))
        case AmendPropose.type: self = .amendPropose(try AmendPropose(fields))
        case AmendPosition.supportType: self = .amendPosition(try AmendPosition(fields, supports: true))
        case AmendPosition.opposeType: self = .amendPosition(try AmendPosition(fields, supports: false))
        case AmendDecide.acceptType: self = .amendDecide(try AmendDecide(fields, accepted: true))
        case AmendDecide.rejectType: self = .amendDecide(try AmendDecide(fields, accepted: false))
        case let type where Moderation.types.contains(type): self = .moderation(try Moderation(type: type, fields))
        case ThreadCreate.type: self = .threadCreate(try ThreadCreate(fields))
        case PostCreate.type: self = .postCreate(try PostCreate(fields))
        case PostEdit.type: self = .postEdit(try PostEdit(fields))
        case PostRetract.type: self = .postRetract(try PostRetract(fields))
        case MeetingNew.type: self = .meeting(.new(try MeetingNew(fields)))
        case MeetingPhase.type: self = .meeting(.phase(try MeetingPhase(fields)))
        case MeetingItem.type: self = .meeting(.item(try MeetingItem(fields)))
        case MeetingRegister.type: self = .meeting(.register(try MeetingRegister(fields)))
        case MeetingConcern.type: self = .meeting(.concern(try MeetingConcern(fields)))
        case MeetingAnswer.type: self = .meeting(.answer(try MeetingAnswer(fields)))
        case MeetingOutcome.type: self = .meeting(.outcome(try MeetingOutcome(fields)))
        case DelegationCategory.type: self = .meeting(.category(try DelegationCategory(fields)))
        case AttachmentAdd.type: self = .attachment(.add(try AttachmentAdd(fields)))
        case AttachmentRemove.type: self = .attachment(.remove(try AttachmentRemove(fields)))
        case RecommendationNew.type: self = .recommendation(.new(try RecommendationNew(fields)))
        case RecommendationFollowUp.type: self = .recommendation(.followUp(try RecommendationFollowUp(fields)))
        case PracticeCreate.type: self = .practice(.create(try PracticeCreate(fields)))
        case EditionNew.type: self = .practice(.editionNew(try EditionNew(fields)))
        case EditionAdd.type: self = .practice(.editionAdd(try EditionAdd(fields)))
        case let type where PracticeStep.types.contains(type): self = .practice(.step(try PracticeStep(type: type, fields)))
        default: self = .unknown(type: type, json)
        }
    }

    public var json: JSONValue {
        switch self {
        case .groupCreate(let op): op.json
        case .groupKey(let op): op.json
        case .topicCreate(let op): op.json
        case .memberProfile(let op): op.json
        case .memberRole(let op): op.json
        case .memberInvite(let op): op.json
        case .memberJoin(let op): op.json
        case .memberRevoke(let op): op.json
        case .memberAdmit(let op): op.json
        case .memberUninvite(let op): op.json
        case .moderation(let op): op.json
        case .pollCreate(let op): op.json
        case .pollVote(let op): op.json
        case .pollClose(let op): op.json
        case .pollOutcome(let op): op.json
        case .pollNominate(let op): op.json
        case .pollAccept(let op): op.json
        case .draftCreate(let op): op.json
        case .draftEdit(let op): op.json
        case .draftPenholders(let op): op.json
        case .draftStatus(let op): op.json
        case .draftVersion(let op): op.json
        case .amendPropose(let op): op.json
        case .amendPosition(let op): op.json
        case .amendDecide(let op): op.json
        case .threadCreate(let op): op.json
        case .postCreate(let op): op.json
        case .postEdit(let op): op.json
        case .postRetract(let op): op.json
        case .meeting(let op): op.json
        case .attachment(let op): op.json
        case .recommendation(let op): op.json
        case .practice(let op): op.json
        case .unknown(_, let json): json
        }
    }

    public var type: String {
        switch self {
        case .groupCreate: GroupCreate.type
        case .groupKey: GroupKey.type
        case .topicCreate: TopicCreate.type
        case .memberProfile: MemberProfile.type
        case .memberRole: MemberRole.type
        case .memberInvite: MemberInvite.type
        case .memberJoin: MemberJoin.type
        case .memberRevoke(let op): op.role == nil ? MemberRevoke.removeType : MemberRevoke.type
        case .memberAdmit: MemberAdmit.type
        case .memberUninvite: MemberUninvite.type
        case .moderation(let op): op.type
        case .pollCreate: PollCreate.type
        case .pollVote(let op): op.objection ? PollVote.objectType : PollVote.type
        case .pollClose: PollClose.type
        case .pollOutcome: PollOutcome.type
        case .pollNominate: PollNominate.type
        case .pollAccept: PollAccept.type
        case .draftCreate: DraftCreate.type
        case .draftEdit: DraftEdit.type
        case .draftPenholders: DraftPenholders.type
        case .draftStatus: DraftSetStatus.type
        case .draftVersion: DraftVersion.type
        case .amendPropose: AmendPropose.type
        case .amendPosition(let op): op.supports ? AmendPosition.supportType : AmendPosition.opposeType
        case .amendDecide(let op): op.accepted ? AmendDecide.acceptType : AmendDecide.rejectType
        case .threadCreate: ThreadCreate.type
        case .postCreate: PostCreate.type
        case .postEdit: PostEdit.type
        case .postRetract: PostRetract.type
        case .meeting(let op): op.type
        case .attachment(let op): op.type
        case .recommendation(let op): op.type
        case .practice(let op): op.type
        case .unknown(let type, _): type
        }
    }
}
