import SwitchboardCore

/// Runs ``CallRequest``s for the ``LiveEffectRunner`` off the UI thread and posts their results.
final class CallRunner: Sendable {
    let webhook: WebhookContext?

    init(webhook: WebhookContext?) {
        self.webhook = webhook
    }

    func run(_ request: CallRequest, mailbox: Mailbox) {}

    func cancel(runID: Int) {}
}
