/// What one input line produced: the decision, the answer and the patient after it.
public struct Response: Sendable {
  public var input: String
  public var intent: IntentID
  public var confidence: Double
  public var abstained: Bool
  public var classification: Classification
  public var answer: Answer
  public var patient: Patient
  public var references: [Reference]
  public var knowledgeVersion: String
}
