/// SIP final status codes a webhook may reject a call with (400–699): the standard reason
/// phrases (RFC 3261 and the IANA registry) used when the webhook gives no reason, and
/// LiveKit's `SIPStatusCode` enum names, which a webhook may send instead of the number.
public enum SIPStatus {
    /// Reject statuses must be final failure responses.
    public static let rejectRange = 400...699

    /// The code a `reject` without `reject_status_code` gets: the caller hears "busy".
    public static let defaultRejectCode = 486

    /// The IANA reason phrase, or a generic one for an unregistered code of that class.
    public static func reasonPhrase(_ code: Int) -> String {
        if let phrase = phrases[code] { return phrase }
        switch code {
        case 400..<500: return "Request Failure"
        case 500..<600: return "Server Failure"
        case 600..<700: return "Global Failure"
        default: return ""
        }
    }

    /// The code for a `SIP_STATUS_*` name, as LiveKit's `SIPStatusCode` enum defines it.
    public static func code(enumName: String) -> Int? { enumCodes[enumName] }

    static let phrases: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Conditional Request Failed",
        413: "Request Entity Too Large", 414: "Request-URI Too Long", 415: "Unsupported Media Type",
        416: "Unsupported URI Scheme", 417: "Unknown Resource-Priority", 420: "Bad Extension",
        421: "Extension Required", 422: "Session Interval Too Small", 423: "Interval Too Brief",
        424: "Bad Location Information", 425: "Bad Alert Message", 428: "Use Identity Header",
        429: "Provide Referrer Identity", 430: "Flow Failed", 433: "Anonymity Disallowed", 436: "Bad Identity-Info",
        437: "Unsupported Certificate", 438: "Invalid Identity Header", 439: "First Hop Lacks Outbound Support",
        440: "Max-Breadth Exceeded", 469: "Bad Info Package", 470: "Consent Needed", 480: "Temporarily Unavailable",
        481: "Call/Transaction Does Not Exist", 482: "Loop Detected", 483: "Too Many Hops", 484: "Address Incomplete",
        485: "Ambiguous", 486: "Busy Here", 487: "Request Terminated", 488: "Not Acceptable Here", 489: "Bad Event",
        491: "Request Pending", 493: "Undecipherable", 494: "Security Agreement Required",
        500: "Server Internal Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Server Time-out", 505: "Version Not Supported", 513: "Message Too Large", 555: "Push Notification Service Not Supported",
        580: "Precondition Failure", 600: "Busy Everywhere", 603: "Decline", 604: "Does Not Exist Anywhere",
        606: "Not Acceptable", 607: "Unwanted", 608: "Rejected",
    ]

    /// `livekit.SIPStatusCode`, failure codes only (a reject cannot be 1xx–3xx).
    static let enumCodes: [String: Int] = [
        "SIP_STATUS_BAD_REQUEST": 400, "SIP_STATUS_UNAUTHORIZED": 401, "SIP_STATUS_PAYMENT_REQUIRED": 402,
        "SIP_STATUS_FORBIDDEN": 403, "SIP_STATUS_NOTFOUND": 404, "SIP_STATUS_METHOD_NOT_ALLOWED": 405,
        "SIP_STATUS_NOT_ACCEPTABLE": 406, "SIP_STATUS_PROXY_AUTH_REQUIRED": 407, "SIP_STATUS_REQUEST_TIMEOUT": 408,
        "SIP_STATUS_CONFLICT": 409, "SIP_STATUS_GONE": 410, "SIP_STATUS_LENGTH_REQUIRED": 411,
        "SIP_STATUS_CONDITIONAL_REQUEST_FAILED": 412, "SIP_STATUS_REQUEST_ENTITY_TOO_LARGE": 413,
        "SIP_STATUS_REQUEST_URI_TOO_LONG": 414, "SIP_STATUS_UNSUPPORTED_MEDIA_TYPE": 415,
        "SIP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE": 416, "SIP_STATUS_UNKNOWN_RESOURCE_PRIORITY": 417,
        "SIP_STATUS_BAD_EXTENSION": 420, "SIP_STATUS_EXTENSION_REQUIRED": 421,
        "SIP_STATUS_SESSION_INTERVAL_TOO_SMALL": 422, "SIP_STATUS_INTERVAL_TOO_BRIEF": 423,
        "SIP_STATUS_BAD_LOCATION_INFORMATION": 424, "SIP_STATUS_BAD_ALERT_MESSAGE": 425,
        "SIP_STATUS_USE_IDENTITY_HEADER": 428, "SIP_STATUS_PROVIDE_REFERRER_IDENTITY": 429,
        "SIP_STATUS_FLOW_FAILED": 430, "SIP_STATUS_ANONYMITY_DISALLOWED": 433, "SIP_STATUS_BAD_IDENTITY_INFO": 436,
        "SIP_STATUS_UNSUPPORTED_CERTIFICATE": 437, "SIP_STATUS_INVALID_IDENTITY_HEADER": 438,
        "SIP_STATUS_FIRST_HOP_LACKS_OUTBOUND_SUPPORT": 439, "SIP_STATUS_MAX_BREADTH_EXCEEDED": 440,
        "SIP_STATUS_BAD_INFO_PACKAGE": 469, "SIP_STATUS_CONSENT_NEEDED": 470,
        "SIP_STATUS_TEMPORARILY_UNAVAILABLE": 480, "SIP_STATUS_CALL_TRANSACTION_DOES_NOT_EXISTS": 481,
        "SIP_STATUS_LOOP_DETECTED": 482, "SIP_STATUS_TOO_MANY_HOPS": 483, "SIP_STATUS_ADDRESS_INCOMPLETE": 484,
        "SIP_STATUS_AMBIGUOUS": 485, "SIP_STATUS_BUSY_HERE": 486, "SIP_STATUS_REQUEST_TERMINATED": 487,
        "SIP_STATUS_NOT_ACCEPTABLE_HERE": 488, "SIP_STATUS_BAD_EVENT": 489, "SIP_STATUS_REQUEST_PENDING": 491,
        "SIP_STATUS_UNDECIPHERABLE": 493, "SIP_STATUS_SECURITY_AGREEMENT_REQUIRED": 494,
        "SIP_STATUS_INTERNAL_SERVER_ERROR": 500, "SIP_STATUS_NOT_IMPLEMENTED": 501, "SIP_STATUS_BAD_GATEWAY": 502,
        "SIP_STATUS_SERVICE_UNAVAILABLE": 503, "SIP_STATUS_GATEWAY_TIMEOUT": 504,
        "SIP_STATUS_VERSION_NOT_SUPPORTED": 505, "SIP_STATUS_MESSAGE_TOO_LARGE": 513,
        "SIP_STATUS_GLOBAL_BUSY_EVERYWHERE": 600, "SIP_STATUS_GLOBAL_DECLINE": 603,
        "SIP_STATUS_GLOBAL_DOES_NOT_EXIST_ANYWHERE": 604, "SIP_STATUS_GLOBAL_NOT_ACCEPTABLE": 606,
        "SIP_STATUS_GLOBAL_UNWANTED": 607, "SIP_STATUS_GLOBAL_REJECTED": 608,
    ]
}
