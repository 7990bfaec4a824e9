import Dispatch
import SwitchboardCore
import SwitchboardIO

/// The production ``EffectRunner``: switches mouse reporting and writes to the clipboard
/// through closures the executable gives it (the only things here that touch the terminal,
/// called on the UI thread); reloads, file writes and simulated calls run in the background
/// and post their results as messages.
public final class LiveEffectRunner: EffectRunner {
    private let mailbox = Mailbox()
    private let setMouseReporting: (Bool) -> Bool
    private let copyToClipboard: (String) -> Void
    private let files = FileWriter()
    private let calls: CallRunner
    private let server: ServerEffects?
    private let liveCalls: (any LiveCallsSource)?

    /// - Parameters:
    ///   - setMouseReporting: turns reporting on or off and returns whether it is on.
    ///   - copyToClipboard: sends the text to the terminal's clipboard (OSC 52).
    ///   - webhook: how dynamic rules' webhooks are called; `nil` ends them in an ERROR.
    ///   - server: the LiveKit server the app was opened on and the directory its lists are
    ///     pulled into (`switchboard --server`); `nil` when it shows files.
    ///   - liveCalls: the SIP endpoint the Live calls screen starts; `nil`: it says it has none.
    public init(
        setMouseReporting: @escaping (Bool) -> Bool, copyToClipboard: @escaping (String) -> Void = { _ in },
        webhook: WebhookContext? = nil, server: (service: any SIPService, directory: String)? = nil,
        liveCalls: (any LiveCallsSource)? = nil
    ) {
        self.liveCalls = liveCalls
        self.setMouseReporting = setMouseReporting
        self.copyToClipboard = copyToClipboard
        self.calls = CallRunner(webhook: webhook)
        self.server = server.map { ServerEffects(service: $0.service, directory: $0.directory) }
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
        case .writeFile(let request):
            files.write(request, mailbox: mailbox)
        case .removeFile(let path):
            files.remove(path)
        case .runCall(let request):
            calls.run(request, mailbox: mailbox)
        case .cancelCall(let runID):
            calls.cancel(runID: runID, mailbox: mailbox)
        case .readFile(let path):
            let mailbox = self.mailbox
            DispatchQueue.global(qos: .userInitiated).async {
                mailbox.post(.fileRead(FileReader.read(path)))
            }
        case .copyToClipboard(let text):
            copyToClipboard(text)
        case .check(let request):
            let mailbox = self.mailbox
            DispatchQueue.global(qos: .userInitiated).async {
                mailbox.post(.checked(request.run()))
            }
        case .fetchForPull, .writePulled, .planPush, .sendPush:
            guard let server else {
                mailbox.post(.pushPlanned(.failure(ReloadFailure("not opened on a LiveKit server"))))
                return
            }
            server.run(effect, mailbox: mailbox)
        case .startLiveCalls(let workspace):
            let mailbox = self.mailbox
            guard let liveCalls else {
                mailbox.post(.liveCallsStarted(.failure(ReloadFailure("this build has no SIP endpoint"))))
                return
            }
            Task.detached {
                do {
                    let addresses = try await liveCalls.start(
                        workspace: workspace, deliver: { event in mailbox.post(.liveCall(event)) },
                        problem: { line in mailbox.post(.liveCallsProblem(line)) })
                    mailbox.post(.liveCallsStarted(.success(addresses)))
                } catch {
                    mailbox.post(.liveCallsStarted(.failure(ReloadFailure("\(error)"))))
                }
            }
        case .routeLiveCalls(let workspace):
            liveCalls?.route(on: workspace)
        }
    }

    public func takeMessages() -> [Message] {
        mailbox.takeAll()
    }

    /// Reads the files and builds the catalog (validation included) off the UI thread.
    static func load(_ paths: [String]) -> Result<WorkspaceCatalog, ReloadFailure> {
        do {
            var generator = SystemRandomNumberGenerator()
            let workspace = try InputFiles.loadWorkspace(paths, using: &generator, parallel: .cores)
            return .success(WorkspaceCatalog(workspace: workspace))
        } catch {
            return .failure(ReloadFailure(error.description))
        }
    }
}
