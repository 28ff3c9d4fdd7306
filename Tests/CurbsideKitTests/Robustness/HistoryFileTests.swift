import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

extension Robustness {
  /// The history file is optional, private (0600 in a 0700 folder) and in the state folder.
  @Suite struct HistoryFileTests {
    @Test func theHistoryIsOptionalAndInTheStateFolder() {
      #expect(HistoryFile.path(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/curbside/history")
      #expect(
        HistoryFile.path(environment: ["HOME": "/home/a", "XDG_STATE_HOME": "/s"]) == "/s/curbside/history")
      #expect(HistoryFile.path(environment: ["HOME": "/home/a", "CURBSIDE_NO_HISTORY": "1"]) == nil)
      #expect(HistoryFile.path(environment: ["HOME": "/home/a"], disabled: true) == nil)
      #expect(HistoryFile.path(environment: [:]) == nil)
    }

    @Test func theFileIsCreatedPrivateAndMadePrivateAgain() throws {
      let folder = Fixtures.scratch("history-" + UUID().uuidString)
      let path = folder.appendingPathComponent("state/curbside/history").path
      #expect(HistoryFile.prepare(path))
      let manager = FileManager.default
      #expect((try manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
      let parent = (path as NSString).deletingLastPathComponent
      #expect((try manager.attributesOfItem(atPath: parent)[.posixPermissions] as? Int) == 0o700)
      // A history file someone made readable by others is made private again.
      try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
      #expect(HistoryFile.prepare(path))
      #expect((try manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
      try manager.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
      HistoryFile.keepPrivate(path)
      #expect((try manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aSymlinkedHistoryIsRefused() throws {
      let folder = Fixtures.scratch("history-link-" + UUID().uuidString)
      let target = folder.appendingPathComponent("elsewhere").path
      let link = folder.appendingPathComponent("history").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
      #expect(!HistoryFile.prepare(link))
      #expect(!FileManager.default.fileExists(atPath: target))
    }
  }
}
