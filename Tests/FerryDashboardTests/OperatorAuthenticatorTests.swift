import Foundation
import Testing

@testable import FerryDashboard

@Suite struct OperatorAuthenticatorTests {
    let authenticator = OperatorAuthenticator(tokens: ["alice": "alice-secret-token", "bob": "bob-secret-token!", "eve": ""])

    @Test func bearerTokenNamesItsOperator() {
        #expect(authenticator.operatorName(authorization: "Bearer alice-secret-token") == "alice")
        #expect(authenticator.operatorName(authorization: "bearer bob-secret-token!") == "bob")
    }

    @Test func basicAuthNeedsTheOperatorsOwnToken() {
        func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }
        #expect(authenticator.operatorName(authorization: basic("alice:alice-secret-token")) == "alice")
        #expect(authenticator.operatorName(authorization: basic("bob:alice-secret-token")) == nil)
        #expect(authenticator.operatorName(authorization: basic("alice")) == nil)
    }

    @Test func wrongMalformedEmptyOrOversizedCredentialsNameNobody() {
        #expect(authenticator.operatorName(authorization: nil) == nil)
        #expect(authenticator.operatorName(authorization: "Bearer alice-secret-toke") == nil)
        #expect(authenticator.operatorName(authorization: "Bearer alice-secret-tokenX") == nil)
        #expect(authenticator.operatorName(authorization: "Bearer ") == nil)
        #expect(authenticator.operatorName(authorization: "Basic !!!") == nil)
        #expect(authenticator.operatorName(authorization: "Token alice-secret-token") == nil)
        #expect(authenticator.operatorName(authorization: "Basic " + Data("eve:".utf8).base64EncodedString()) == nil)
        #expect(authenticator.operatorName(authorization: "Bearer " + String(repeating: "a", count: 5000)) == nil)
        #expect(!OperatorAuthenticator(tokens: [:]).isEnabled)
    }

    @Test func constantTimeCompareHandlesLengthsAndPrefixes() {
        #expect(OperatorAuthenticator.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!OperatorAuthenticator.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!OperatorAuthenticator.constantTimeEqual([], Array("a".utf8)))
        #expect(OperatorAuthenticator.constantTimeEqual([], []))
    }
}
