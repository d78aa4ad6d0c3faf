extension MetadataTopic {
    /// Whether a topic read from a broker already is what `desired` asks for (queue counts, perm, order).
    public func matches(_ desired: MetadataTopic) -> Bool {
        self.readQueueNums == desired.readQueueNums && self.writeQueueNums == desired.writeQueueNums
            && self.perm == desired.perm && self.order == desired.order
    }

    /// `read 4 write 4 perm 6 order false`.
    public var queueSummary: String {
        "read \(self.readQueueNums) write \(self.writeQueueNums) perm \(self.perm) order \(self.order)"
    }
}

extension MetadataGroup {
    /// Whether a group read from a broker already is what `desired` asks for (the 4.x settings).
    public func matches(_ desired: MetadataGroup) -> Bool {
        self.consumeEnable == desired.consumeEnable && self.consumeFromMinEnable == desired.consumeFromMinEnable
            && self.consumeBroadcastEnable == desired.consumeBroadcastEnable
            && self.retryQueueNums == desired.retryQueueNums && self.retryMaxTimes == desired.retryMaxTimes
            && self.brokerId == desired.brokerId
            && self.whichBrokerWhenConsumeSlowly == desired.whichBrokerWhenConsumeSlowly
    }

    /// `retryQueueNums 1 retryMaxTimes 16 consumeEnable true broadcast true brokerId 0`.
    public var settingsSummary: String {
        "retryQueueNums \(self.retryQueueNums) retryMaxTimes \(self.retryMaxTimes) consumeEnable \(self.consumeEnable) "
            + "broadcast \(self.consumeBroadcastEnable) brokerId \(self.brokerId)"
    }
}
