import Dispatch
import SwitchboardCore
import SwitchboardIO

/// Runs the server effects off the UI thread, each as a task that posts its result: the
/// lists fetched for a pull (with what writing them would drop), the pulled files written, a
/// push plan, and a push sent step by step. One per app; the service is the executable's
/// Twirp client (or a fake in tests).
final class ServerEffects: Sendable {
    let service: any SIPService
    let directory: String

    init(service: any SIPService, directory: String) {
        self.service = service
        self.directory = directory
    }

    func run(_ effect: Effect, mailbox: Mailbox) {
        let service = self.service
        let directory = self.directory
        switch effect {
        case .fetchForPull(let request):
            Task.detached {
                mailbox.post(.pullFetched(await Self.fetchForPull(request, service: service)))
            }
        case .writePulled(let lists):
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    mailbox.post(.pullWritten(.success(try PulledFiles.write(lists, server: service.serverBase, into: directory))))
                } catch {
                    mailbox.post(.pullWritten(.failure(ReloadFailure("\(error)"))))
                }
            }
        case .planPush(let request):
            Task.detached {
                mailbox.post(.pushPlanned(await Self.plan(request, service: service)))
            }
        case .sendPush(let request, let planned):
            Task.detached {
                let outcome = await PushRun.run(
                    planned.plan, service: service, workspace: request.workspace, record: planned.record, recordPath: request.recordPath,
                    before: planned.server
                ) { done, _ in mailbox.post(.pushProgress(done: done)) }
                mailbox.post(.pushFinished(outcome))
            }
        default:
            break
        }
    }

    static func fetchForPull(_ request: PushRequest, service: any SIPService) async -> Result<FetchedPull, ReloadFailure> {
        do {
            let lists = try await service.fetchLists()
            let plan = PushPlan(workspace: request.workspace, server: lists, record: PulledFiles.readRecord(at: request.recordPath))
            return .success(FetchedPull(lists: lists, unpushed: FetchedPull.unpushed(plan)))
        } catch {
            return .failure(ReloadFailure(error.description))
        }
    }

    static func plan(_ request: PushRequest, service: any SIPService) async -> Result<PlannedPush, ReloadFailure> {
        do {
            let lists = try await service.fetchLists()
            let record = PulledFiles.readRecord(at: request.recordPath)
            return .success(
                PlannedPush(plan: PushPlan(workspace: request.workspace, server: lists, record: record), server: lists, record: record))
        } catch {
            return .failure(ReloadFailure(error.description))
        }
    }
}
