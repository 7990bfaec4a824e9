import SwitchboardCore

/// A question that must be answered before the app goes on: deleting an item, discarding
/// edits, overwriting a file, restoring a recovery file.
///
/// The message names what is at stake (`Delete rule SDR_7mNb "Support queue"?`); every answer
/// has a letter, and Esc always picks the ``ConfirmIntent/cancel`` answer, so a stray key can
/// never destroy anything.
public struct Confirmation: Sendable, Equatable {
    public var title: String
    public var message: String
    public var choices: [Choice]
    /// The highlighted answer (Enter picks it); starts on the safe one.
    public var focused: Int

    public struct Choice: Sendable, Equatable {
        /// The key that picks this answer directly (shown as `[y] Delete`).
        public var key: Character
        public var label: String
        public var intent: ConfirmIntent

        public init(key: Character, label: String, intent: ConfirmIntent) {
            self.key = key
            self.label = label
            self.intent = intent
        }
    }

    /// - Parameter focused: defaults to the cancelling answer, or the last one.
    public init(title: String, message: String, choices: [Choice], focused: Int? = nil) {
        self.title = title
        self.message = message
        self.choices = choices
        self.focused = focused ?? choices.firstIndex(where: { $0.intent == .cancel }) ?? max(0, choices.count - 1)
    }

    /// The common two-answer question: do it (`y`) or not (`n`, Esc).
    public static func yesNo(title: String, message: String, yes: String, intent: ConfirmIntent) -> Confirmation {
        Confirmation(
            title: title, message: message,
            choices: [Choice(key: "y", label: yes, intent: intent), Choice(key: "n", label: "Cancel", intent: .cancel)])
    }
}

/// What answering a ``Confirmation`` does; ``App/confirmed(_:_:)`` carries it out.
public enum ConfirmIntent: Sendable, Equatable {
    /// Close the question and change nothing.
    case cancel
    /// Quit although there are unsaved edits.
    case quitDiscardingEdits
    /// Save the project file, then quit.
    case saveAndQuit
    /// Reload the files from disk although there are unsaved edits.
    case reloadDiscardingEdits
    /// Leave the form and throw its changes away.
    case leaveFormDiscarding
    /// Apply the form's changes to the workspace, then leave it.
    case applyFormAndLeave
    /// Remove a trunk or rule from the workspace (undoable until saved).
    case deleteItem(ItemKey)
    /// Throw away every unsaved edit and go back to what the files hold.
    case revertToSaved
    /// Write the export over the existing file it names.
    case overwriteExport
    /// Save a run as a scenario in place of the one with the same name.
    case replaceScenario
    /// Load the unsaved edits found in the recovery file from the last session.
    case restoreRecovery
    /// Delete the recovery file without loading it.
    case discardRecovery
    /// Write the pulled lists although local changes were not pushed.
    case pullOverLocalChanges
}
