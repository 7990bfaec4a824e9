import Dispatch
import SwitchboardCore
import SwitchboardIO

/// The production ``EffectRunner``: switches mouse reporting through a closure the executable
/// gives it (the only thing here that touches the terminal, called on the UI thread) and reloads
/// files on a background queue, posting the result as a message.
public final class LiveEffectRunner: EffectRunner {
    private let mailbox = Mailbox()
    private let setMouseReporting: (Bool) -> Bool

    /// - Parameter setMouseReporting: turns reporting on or off and returns whether it is on.
    public init(setMouseReporting: @escaping (Bool) -> Bool) {
        self.setMouseReporting = setMouseReporting
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .setMouseReporting(let enabled):
            mailbox.post(.mouseReportingChanged(setMouseReporting(enabled)))
        case .reload(let paths):
            let mailbox = self.mailbox
            DispatchQueue.global(qos: .userInitiated).async {
                mailbox.post(.reloaded(Self.load(paths)))
            }
        }
    }

    public func takeMessages() -> [Message] {
        mailbox.takeAll()
    }

    /// Reads the files and builds the catalog (validation included) off the UI thread.
    static func load(_ paths: [String]) -> Result<WorkspaceCatalog, ReloadFailure> {
        do {
            var generator = SystemRandomNumberGenerator()
            let workspace = try InputFiles.loadWorkspace(paths, using: &generator)
            return .success(WorkspaceCatalog(workspace: workspace))
        } catch {
            return .failure(ReloadFailure(error.description))
        }
    }
}
