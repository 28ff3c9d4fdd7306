/// A question asking how common a covered drug's effect is ("it can cause liver problems, how
/// common is that?", "what rates of neurotoxicity and CRS were seen?").
///
/// The knowledge gives the rates of its drugs' toxicities but not their management, so the words
/// of an outside topic ("cause", "seizure", "how common" as epidemiology) do not make such a line
/// outside it: a rate asked about a targeted drug the knowledge names is answered by that drug's
/// topic. Asking how to manage, treat or cope with the toxicity still abstains.
enum RateQuestion {
  /// Phrases (normalised tokens) that ask for a rate or a frequency.
  static let cues: [[String]] = [
    ["how", "common"], ["how", "often"], ["how", "frequent"], ["how", "frequently"], ["how", "likely"],
    ["rate"], ["incidence"], ["percentage"], ["proportion"], ["what", "percent"],
  ]
  /// Words that ask what to do about the effect, which the knowledge does not cover.
  static let managing: Set<String> = [
    "manage", "management", "managing", "treat", "treatment", "treating", "cope", "coping", "prevent",
    "prevention", "prophylaxis", "handle", "reverse", "antidote",
  ]

  /// True when `tokens` ask how often something happens, name a targeted drug that `drugs` covers,
  /// and ask nothing about managing it.
  static func asksRate(_ tokens: [String], drugs: DrugCoverage) -> Bool {
    guard tokens.contains(where: { DrugCoverage.isDrug($0) && drugs.isNamed($0) }),
      !tokens.contains(where: managing.contains)
    else { return false }
    return cues.contains { Classifier.contains(tokens, $0) }
  }
}
