import Foundation

/// Folds Unicode to the small ASCII alphabet the classifier and the fact extractor read.
enum Folding {
  /// The ASCII replacement for one scalar, or nil to treat it as a separator.
  ///
  /// Letters are lower-cased; accents dropped; superscripts, micro signs, comparison signs,
  /// dashes and multiplication signs mapped to what a physician would type on a plain keyboard.
  static func fold(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x41...0x5A: return String(UnicodeScalar(value + 0x20)!)
      case 0x00...0x1F, 0x7F: return nil
      default: return String(scalar)
      }
    }
    if let mapped = table[value] { return mapped }
    // Latin letters with diacritics: keep the base letter.
    if scalar.properties.isAlphabetic {
      let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
      if base.value < 0x80 { return fold(base) }
      return nil
    }
    if scalar.properties.numericType != nil, let digit = scalar.properties.numericValue,
      digit >= 0, digit <= 9, digit == digit.rounded()
    {
      return String(Int(digit))
    }
    return nil
  }

  private static let table: [UInt32: String] = [
    0x00B5: "u", 0x03BC: "u",  // micro sign, Greek mu: µL → ul
    0x00B2: "2", 0x00B3: "3", 0x00B9: "1", 0x2070: "0", 0x2074: "4", 0x2075: "5", 0x2076: "6",
    0x2077: "7", 0x2078: "8", 0x2079: "9", 0x207B: "-", 0x207A: "+",
    0x2265: ">=", 0x2264: "<=", 0x00D7: "x", 0x00B7: ".", 0x2022: " ",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x00A0: " ", 0x2009: " ", 0x202F: " ",
    0x00DF: "ss", 0x00E6: "ae", 0x0153: "oe", 0x00F8: "o", 0x00BD: "1/2", 0x2032: "'",
    0x03B1: "alpha", 0x03B2: "beta", 0x03BA: "kappa", 0x03BB: "lambda",
  ]
}
