extension Op {
    /// Every op type this core reads, as it appears in a change and in the audit log; front
    /// ends name each in words (a test checks both catalogs hold one per type).
    public static let knownTypes: [String] = [
        GroupCreate.type, GroupKey.type, TopicCreate.type,
        MemberProfile.type, MemberRole.type, MemberInvite.type, MemberJoin.type,
        MemberRevoke.type, MemberRevoke.removeType, MemberAdmit.type, MemberUninvite.type,
        PollCreate.type, PollVote.type, PollVote.objectType, PollClose.type, PollOutcome.type,
        PollNominate.type, PollAccept.type,
        DraftCreate.type, DraftEdit.type, DraftPenholders.type, DraftSetStatus.type, DraftVersion.type,
        AmendPropose.type, AmendPosition.supportType, AmendPosition.opposeType,
        AmendDecide.acceptType, AmendDecide.rejectType,
        ThreadCreate.type, PostCreate.type, PostEdit.type, PostRetract.type,
    ] + Moderation.types + MeetingOp.types + AttachmentOp.types + RecommendationOp.types + PracticeOp.types
}
