import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process that cannot hang the test run, for children that serve (the LiveKit
/// stand-in) or spawn children of their own (the livekit-api check). `Process` is not enough
/// there: its child inherits the test runner's blocked signals, so a SIGTERM never arrives,
/// and every descriptor the runner has open, so a grandchild keeps a pipe open and reading to
/// EOF never ends. This one is spawned with every signal unblocked and at its default, every
/// other descriptor closed, in a process group of its own (so `kill()` reaches grandchildren),
/// with stdin a pipe whose closing tells a `--exit-with-stdin` child to go. Every wait has a
/// deadline. Not thread-safe: one test uses it.
final class ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private var stdin: Int32
    private var pipes: [Int32]
    private var output = [Data(), Data()]
    private var exitStatus: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        var fds: [[Int32]] = []
        for _ in 0..<3 {
            var pair: [Int32] = [0, 0]
            guard pipe(&pair) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
            for fd in pair { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            fds.append(pair)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[2][1], 2)
        Self.closeFrom3(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(fds[0][0])
        close(fds[1][1])
        close(fds[2][1])
        guard result == 0 else {
            for fd in [fds[0][1], fds[1][0], fds[2][0]] { close(fd) }
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
        stdin = fds[0][1]
        pipes = [fds[1][0], fds[2][0]]
        for fd in pipes { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit { kill() }

    /// Every descriptor from 3 up closed in the child: glibc's `addclosefrom_np` (2.34+, not
    /// in the headers Swift imports without _GNU_SOURCE), else one close per descriptor
    /// (glibc ignores closing one that is not open).
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for fd in 3..<Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 4096)) { posix_spawn_file_actions_addclose(&actions, fd) }
    }

    var stdout: String { String(decoding: output[0], as: UTF8.self) }
    var stderr: String { String(decoding: output[1], as: UTF8.self) }

    /// Reads what the child writes until `done` holds for its stdout, both pipes close, or
    /// the deadline passes; whether `done` held.
    @discardableResult
    func read(until done: (String) -> Bool, within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !done(stdout) {
            let open = pipes.indices.filter { pipes[$0] >= 0 }
            let left = deadline - ContinuousClock.now
            guard !open.isEmpty, left > .zero else { return false }
            var polled = open.map { pollfd(fd: pipes[$0], events: Int16(POLLIN), revents: 0) }
            let ms = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
            guard poll(&polled, nfds_t(polled.count), ms) >= 0 || errno == EINTR else { return false }
            for (slot, index) in open.enumerated() where polled[slot].revents != 0 { drain(index) }
        }
        return true
    }

    private func drain(_ index: Int) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Glibc.read(pipes[index], &buffer, buffer.count)
            if n > 0 {
                output[index].append(contentsOf: buffer[0..<n])
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                close(pipes[index])
                pipes[index] = -1
                return
            } else {
                return
            }
        }
    }

    /// Runs the child to its end: its output to EOF, then its exit status. Past the deadline
    /// the child's whole process group is killed and a `Failure` names what it had printed.
    func finish(within timeout: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        closeStdin()
        read(until: { _ in false }, within: timeout)
        while exitStatus == nil, ContinuousClock.now < deadline {
            reap(blocking: false)
            if exitStatus == nil { _ = poll(nil, 0, 5) }
        }
        guard let status = exitStatus else {
            kill()
            throw Failure(description: "still running after \(timeout); stdout: \(stdout) stderr: \(stderr)")
        }
        return status
    }

    private func closeStdin() {
        if stdin >= 0 { close(stdin) }
        stdin = -1
    }

    private func reap(blocking: Bool) {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(pid, &status, blocking ? 0 : WNOHANG) == pid {
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }

    /// SIGKILL to the child's process group, grandchildren too (it cannot be blocked or
    /// ignored), then reaps the child.
    func kill() {
        closeStdin()
        _ = Glibc.kill(-pid, SIGKILL)
        reap(blocking: true)
        for fd in pipes where fd >= 0 { close(fd) }
        pipes = pipes.map { _ in -1 }
    }
}
