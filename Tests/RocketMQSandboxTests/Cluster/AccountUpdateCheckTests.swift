import Testing

@testable import RocketMQSandbox

/// Issue 12 item 5: the sandbox accepted ACL updates a 4.9.8 broker refuses; it now checks them the same way.
@Suite struct AccountUpdateCheckTests {
    @Test func anEmptyPermFieldIsOneEmptyResource() {
        let refusal = AccountUpdateCheck.refusal(
            accessKey: "adminAccount", secretKey: "admin-secret", topicPerms: AccountUpdateCheck.split(""),
            groupPerms: nil)
        #expect(refusal?.hasPrefix("Parse Resource format error for .\n") == true)
    }

    @Test func shortKeysAreRefusedWithTheBrokersTextWhichEchoesTheSecret() {
        #expect(
            AccountUpdateCheck.refusal(accessKey: "short6", secretKey: "long-secret-1", topicPerms: nil, groupPerms: nil)
                == "The accessKey=short6 and secretKey=long-secret-1 cannot be null and length should longer than 6")
        #expect(
            AccountUpdateCheck.refusal(accessKey: "longer7", secretKey: nil, topicPerms: nil, groupPerms: nil)?
                .contains("secretKey=null") == true)
    }

    @Test func permissionsMustBeKnown() {
        let refusal = AccountUpdateCheck.refusal(
            accessKey: "account", secretKey: "account-secret", topicPerms: ["a=PUB"], groupPerms: ["g=WRITE"])
        #expect(refusal?.hasPrefix("Parse resource permission error for g=WRITE.") == true)
        #expect(
            AccountUpdateCheck.refusal(
                accessKey: "account", secretKey: "account-secret", topicPerms: ["a=PUB", "b= SUB|PUB"],
                groupPerms: ["g=SUB"]) == nil)
    }

    @Test func headerListsSplitAsJavaDoes() {
        #expect(AccountUpdateCheck.split(nil) == nil)
        #expect(AccountUpdateCheck.split("") == [""])
        #expect(AccountUpdateCheck.split("a=PUB,") == ["a=PUB"])
        #expect(AccountUpdateCheck.split("a=PUB,,b=SUB") == ["a=PUB", "", "b=SUB"])
    }
}
