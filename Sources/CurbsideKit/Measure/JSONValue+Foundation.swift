import Foundation

extension JSONValue {
  /// The value of a Foundation JSON object (strings, numbers, arrays, objects, null), for reading
  /// labelled sets; nil for anything else.
  init?(foundation value: Any) {
    switch value {
    case let string as String: self = .string(string)
    case let object as [String: Any]: self = .object(object.compactMapValues(JSONValue.init(foundation:)))
    case let array as [Any]: self = .array(array.compactMap(JSONValue.init(foundation:)))
    case let number as NSNumber: self = .number(number.doubleValue)
    case is NSNull: self = .null
    default: return nil
    }
  }
}
