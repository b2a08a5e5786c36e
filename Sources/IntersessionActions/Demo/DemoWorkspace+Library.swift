import Foundation
import IntersessionCore
import IntersessionStore

extension DemoWorkspace {
    /// The library: Japan's practice published in the 2026 edition and updated since (its second
    /// version back in review), a French practice submitted for a business and open for the
    /// group's comments, with one, and a draft Japan has not submitted yet.
    static func makeLibrary(peers: [Actions], network: DemoNetwork) throws {
        let secretariat = peers[0], chair = peers[1], delegate = peers[3]
        var japan = Actions.PracticeRequest()
        japan.title = [.en: "Pre-arrival data from e-commerce platforms", .fr: "Données préalables des plateformes de commerce électronique"]
        japan.summary = [.en: "Platforms send parcel data before goods arrive, so that risk is assessed before loading.",
                         .fr: "Les plateformes transmettent les données des colis avant l’arrivée, pour évaluer le risque avant le chargement."]
        japan.sections = [
            .context: [.en: "Low-value parcels grew tenfold in five years."],
            .approach: [.en: "An interface for the largest platforms, then for couriers."],
            .results: [.en: "Most parcels are cleared before they land."],
            .lessons: [.en: "Start with the largest platforms.", .fr: "Commencer par les plus grandes plateformes."],
        ]
        japan.topics = ["best-practices", "risk"]
        japan.original = .en
        let published = try delegate.submitPractice(japan).hex
        try network.deliver(from: 3)
        let edition = try secretariat.newEdition(title: [.en: "2026 edition", .fr: "Édition 2026"]).hex
        try secretariat.takeStep(.review, of: published)
        try secretariat.takeStep(.open, of: published)
        try network.deliver(from: 0)
        try chair.takeStep(.endorse, of: published)
        try network.deliver(from: 1)
        try secretariat.takeStep(.publish, of: published, edition: edition)
        try network.deliver(from: 0)
        var update = Actions.PracticeRequest()
        update.sections = [.results: [.en: "Nine parcels in ten are cleared before they land."]]
        try delegate.updatePractice(published, update)
        try network.deliver(from: 3)

        var france = Actions.PracticeRequest()
        france.title = [.fr: "Guichet unique pour les petits envois"]
        france.summary = [.fr: "Une seule déclaration pour la douane, la TVA et les contrôles sanitaires des petits envois."]
        france.sections = [.approach: [.fr: "Un guichet commun aux administrations, ouvert aux opérateurs postaux."]]
        france.topics = ["best-practices", "facilitation"]
        france.business = "La Poste"
        france.original = .fr
        let open = try chair.submitPractice(france).hex
        try network.deliver(from: 1)
        try secretariat.takeStep(.review, of: open)
        try secretariat.takeStep(.open, of: open)
        try network.deliver(from: 0)
        _ = try delegate.reply(to: open, body: "Does the single window cover returns?", language: .en)
        try network.deliver(from: 3)

        var draft = Actions.PracticeRequest()
        draft.title = [.en: "Courier manifests before departure"]
        draft.summary = [.en: "Express couriers file their manifests before departure."]
        draft.topics = ["best-practices", "flows"]
        draft.draft = true
        try delegate.submitPractice(draft)
        try network.deliver(from: 3)
    }
}
