package io.quantplug.plugins.binance.rest;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignersTest {

    /** Binance spot docs, "SIGNED endpoint examples for POST /api/v3/order", HMAC keys (example secret and query). */
    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";
    private static final String DOC_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    /** RFC 8032 section 7.1, TEST 1: secret key (seed), public key, and the signature of the empty message. */
    private static final String RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /** The PKCS#8 (RFC 8410) PEM of an Ed25519 seed: the fixed DER prefix, then the 32 seed bytes. */
    static String pkcs8Pem(byte[] seed) {
        byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void hmacSignerReproducesBinancesWorkedExample() {
        assertThat(new HmacSha256Signer(DOC_SECRET).sign(DOC_QUERY)).isEqualTo(DOC_SIGNATURE);
    }

    @Test
    void ed25519SignerReproducesRfc8032TestVector1() {
        Ed25519Signer signer = new Ed25519Signer(pkcs8Pem(HexFormat.of().parseHex(RFC_SEED)));
        byte[] signature = Base64.getDecoder().decode(signer.sign(""));
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void ed25519SignatureOfBinancesExampleQueryVerifiesWithTheRfcPublicKey() throws Exception {
        Ed25519Signer signer = new Ed25519Signer(pkcs8Pem(HexFormat.of().parseHex(RFC_SEED)));
        String signature = signer.sign(DOC_QUERY);
        // X.509 SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): fixed prefix, then the 32 public key bytes
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + RFC_PUBLIC);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(DOC_QUERY.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update((DOC_QUERY + "0").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isFalse();
    }

    @Test
    void ed25519SignerReadsAKeyTheJdkGenerated() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        String signature = new Ed25519Signer(pem).sign("timestamp=1");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update("timestamp=1".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void signersNeverShowTheirSecret() {
        assertThat(new HmacSha256Signer(DOC_SECRET).toString()).doesNotContain(DOC_SECRET).contains("***");
        String pem = pkcs8Pem(HexFormat.of().parseHex(RFC_SEED));
        assertThat(new Ed25519Signer(pem).toString()).doesNotContain("MC4CAQ").contains("***");
        assertThatThrownBy(() -> new Ed25519Signer(pem.replace("MC4CAQ", "XXXXXX")))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BAAwBQYDK2VwBCIEI"));
    }
}
