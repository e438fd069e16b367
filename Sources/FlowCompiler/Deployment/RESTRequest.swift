/// One request to Twilio's REST API that an operation sends, in the order the application sends them.
///
/// Typed so that nothing downstream parses a request back from text: the prover reads `change`, and
/// `routes.json` spells the same value out as an endpoint and form parameters (Docs/Output.md).
public struct RESTRequest: Sendable, Hashable {
    /// The REST resource the request updates (Docs/Twilio.md#call-update).
    public enum Resource: String, Sendable, Hashable, CaseIterable {
        /// `Calls/{CallSid}` (Docs/Twilio.md#call-update).
        case call = "Call"
        /// `Conferences/{ConferenceSid}/Participants/{CallSid}` (Docs/Twilio.md#participant-update).
        case conferenceParticipant = "ConferenceParticipant"
        /// `Queues/{QueueSid}/Members/{CallSid}` (Docs/Twilio.md#queue-member-update).
        case queueMember = "QueueMember"

        /// The endpoint, with the placeholders the application fills in.
        public var endpoint: String {
            switch self {
            case .call: "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json"
            case .conferenceParticipant:
                "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json"
            case .queueMember: "/2010-04-01/Accounts/{AccountSid}/Queues/{QueueSid}/Members/{CallSid}.json"
            }
        }
    }

    /// What the request changes.
    public enum Change: Sendable, Hashable {
        /// A Call update with new TwiML to fetch: `Url` (absolute, `nil` only when the flow has no base URL)
        /// with `Method=GET` (Docs/Twilio.md#call-update).
        case redirect(url: String?)
        /// A Participant update: `Hold`, and for a hold the `HoldUrl` (absolute) with `HoldMethod=GET` (Docs/Twilio.md#participant-update).
        case participantHold(hold: Bool, holdURL: String?)
    }

    public var change: Change
    /// The leg whose CallSid fills `{CallSid}`.
    public var leg: String
    /// The room (`.flow` name) whose conference fills `{ConferenceSid}`.
    public var room: String?
    /// The queue (`.flow` name) whose QueueSid fills `{QueueSid}`.
    public var queue: String?

    public init(change: Change, leg: String, room: String? = nil, queue: String? = nil) {
        self.change = change
        self.leg = leg
        self.room = room
        self.queue = queue
    }

    public var resource: Resource {
        switch change {
        case .redirect: .call
        case .participantHold: .conferenceParticipant
        }
    }

    /// Every update is a POST (Docs/Twilio.md#call-update).
    public var httpMethod: String { "POST" }

    /// The form parameters, as the REST API names them.
    public var parameters: [String: String] {
        switch change {
        case .redirect(let url):
            var parameters = ["Method": "GET"]
            parameters["Url"] = url
            return parameters
        case .participantHold(let hold, let holdURL):
            var parameters = ["Hold": hold ? "true" : "false"]
            if let holdURL {
                parameters["HoldUrl"] = holdURL
                parameters["HoldMethod"] = "GET"
            }
            return parameters
        }
    }
}
