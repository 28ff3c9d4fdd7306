/// One intent as declared in `Intents/<id>.yaml`, with its terms already normalised.
public struct IntentSpec: Sendable {
  /// A weighted word or phrase, normalised to tokens.
  public struct Term: Hashable, Sendable {
    public var tokens: [String]
    public var weight: Double
    /// As written in the file, for `explain`.
    public var display: String
  }

  /// An example question and the line it sits on.
  public struct Example: Sendable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  /// Answer with another intent when the patient matches: "what induction?" for a 72-year-old
  /// is the older-adult question.
  public struct Preference: Sendable {
    public var when: [Condition]
    public var intent: IntentID
  }

  public var id: IntentID
  public var summary: String
  public var terms: [Term]
  /// Groups of normalised terms (joined by spaces); each group needs one term present.
  public var requires: [[String]]
  public var negatives: [Term]
  /// Whole normalised lines that mean this intent.
  public var commands: [String]
  public var examples: [Example]
  public var prefer: [Preference] = []
  /// The file it came from, for diagnostics.
  public var file: String
}
