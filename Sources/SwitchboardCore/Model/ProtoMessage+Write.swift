extension ProtoMessage {
    /// Writes `encode(names:)` as JSON, without the members named in `omitting`: the same bytes
    /// as `JSONWriter.write(.object(…))` of that object.
    ///
    /// A message read from a canonical source (most of a large `lk` list) is written straight
    /// from its typed fields: building its object first, and then walking it, was most of the
    /// time of exporting 100,000 rules. Any other message keeps what it was read from, so it
    /// goes through `encode`'s merge.
    public func write(
        into out: inout [UInt8], names: NameStyle, style: JSONWriter.Style, indent: Int, omitting: Set<String> = []
    ) {
        guard let layout = source.layout else {
            var object = encode(names: names)
            if !omitting.isEmpty { object = JSONObject(object.members.filter { !omitting.contains($0.key) }) }
            JSONWriter.write(.object(object), into: &out, style: style, indent: indent)
            return
        }
        var object = JSONContainerWriter.object(style: style, indent: indent)
        withUnsafePointer(to: self) { message in
            Self.forEachField(over: layout, names: names) { key, spec, wasPresent in
                if !omitting.isEmpty, omitting.contains(key) { return }
                if !spec.stream(message, names, key, &object, &out), wasPresent, !spec.omitWhenCleared {
                    object.member(key, spec.zero, into: &out)
                }
            }
        }
        object.finish(into: &out)
    }
}
