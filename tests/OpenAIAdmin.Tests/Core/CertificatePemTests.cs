using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The local check before an upload. Test certificates are generated here; no key is ever committed.</summary>
public sealed class CertificatePemTests
{
    // One key signs every test certificate: a new 2048-bit RSA key costs 0.1 to 0.5 s of CPU, and nothing these tests
    // check depends on which key signed (each certificate still has its own serial number, subject and thumbprint).
    // Tests run in parallel and an RSA object is not documented as safe for concurrent use, hence the lock.
    private static readonly RSA SigningKey = RSA.Create(2048);
    private static readonly object SigningLock = new();

    internal static (string Pem, string KeyPem, X509Certificate2 Certificate) NewCertificate(string subject = "CN=unit-test", int validDays = 90, int startDays = -1)
    {
        lock (SigningLock)
        {
            var request = new CertificateRequest(subject, SigningKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(startDays), DateTimeOffset.UtcNow.AddDays(validDays));
            return (certificate.ExportCertificatePem(), SigningKey.ExportPkcs8PrivateKeyPem(), certificate);
        }
    }

    [Fact]
    public void Reads_one_certificate_and_re_encodes_it_cleanly()
    {
        var (pem, _, certificate) = NewCertificate("CN=gateway.example.com");
        string noisy = "subject=CN = gateway.example.com\r\nissuer=CN = gateway.example.com\r\n" + pem.Replace("\n", "\r\n") + "\r\n";

        PemCertificate parsed = CertificatePem.Parse(noisy);

        Assert.Equal("CN=gateway.example.com", parsed.Subject);
        Assert.Equal(certificate.Thumbprint, parsed.Thumbprint);
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), parsed.NotAfter);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", parsed.Pem, StringComparison.Ordinal);
        Assert.EndsWith("\n-----END CERTIFICATE-----\n", parsed.Pem, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", parsed.Pem, StringComparison.Ordinal);
        Assert.DoesNotContain("subject=", parsed.Pem, StringComparison.Ordinal);
        Assert.Equal(certificate.RawData, X509Certificate2.CreateFromPem(parsed.Pem).RawData);
    }

    [Theory]
    [InlineData("PRIVATE KEY")]
    [InlineData("RSA PRIVATE KEY")]
    [InlineData("ENCRYPTED PRIVATE KEY")]
    [InlineData("EC PRIVATE KEY")]
    public void Refuses_any_private_key_even_next_to_a_valid_certificate(string label)
    {
        var (pem, keyPem, _) = NewCertificate();
        string key = keyPem.Replace("PRIVATE KEY", label, StringComparison.Ordinal);

        var ex = Assert.Throws<CertificateFormatException>(() => CertificatePem.Parse(pem + key));

        Assert.Equal(CertificateProblem.PrivateKeyNotAllowed, ex.Problem);
        Assert.Contains(label, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(keyPem.Split('\n')[1], ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "empty")]
    [InlineData("hello", "no -----BEGIN CERTIFICATE----- block")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB", "not a complete PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\n!!!notbase64!!!\n-----END CERTIFICATE-----", "not valid base64")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAECAwQ=\n-----END CERTIFICATE-----", "readable X.509")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAECAwQ=\n-----END CERTIFICATE REQUEST-----", "'CERTIFICATE REQUEST' block")]
    public void Says_what_is_wrong_with_text_that_is_not_one_certificate(string text, string expected)
    {
        var ex = Assert.Throws<CertificateFormatException>(() => CertificatePem.Parse(text));
        Assert.Equal(CertificateProblem.InvalidCertificate, ex.Problem);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_bundle_of_several_certificates()
    {
        string bundle = NewCertificate("CN=a").Pem + NewCertificate("CN=b").Pem;
        var ex = Assert.Throws<CertificateFormatException>(() => CertificatePem.Parse(bundle));
        Assert.Contains("2 certificates", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be")]
    [InlineData("utf-16be-bom")]
    public void Reads_a_file_in_any_encoding_editors_save_pem_in(string encoding)
    {
        string pem = NewCertificate("CN=encodings.example.com").Pem;
        byte[] bytes = encoding switch
        {
            "utf-8" => new System.Text.UTF8Encoding(false).GetBytes(pem),
            "utf-8-bom" => WithPreamble(new System.Text.UTF8Encoding(true), pem),
            "utf-16le" => System.Text.Encoding.Unicode.GetBytes(pem),
            "utf-16le-bom" => WithPreamble(System.Text.Encoding.Unicode, pem),
            "utf-16be" => System.Text.Encoding.BigEndianUnicode.GetBytes(pem),
            _ => WithPreamble(System.Text.Encoding.BigEndianUnicode, pem),
        };

        Assert.Equal(pem, CertificatePem.ReadText(bytes));
        Assert.Equal("CN=encodings.example.com", CertificatePem.Parse(CertificatePem.ReadText(bytes)).Subject);
    }

    [Fact]
    public void Reads_binary_der_bytes_as_text_that_is_refused_as_der()
    {
        byte[] der = NewCertificate().Certificate.RawData;
        var ex = Assert.Throws<CertificateFormatException>(() => CertificatePem.Parse(CertificatePem.ReadText(der)));
        Assert.Contains("DER", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] WithPreamble(System.Text.Encoding encoding, string text)
    {
        byte[] preamble = encoding.GetPreamble();
        byte[] body = encoding.GetBytes(text);
        byte[] all = new byte[preamble.Length + body.Length];
        preamble.CopyTo(all, 0);
        body.CopyTo(all, preamble.Length);
        return all;
    }

    [Fact]
    public void Refuses_binary_der()
    {
        string der = new string(Array.ConvertAll(NewCertificate().Certificate.RawData, b => (char)b));
        var ex = Assert.Throws<CertificateFormatException>(() => CertificatePem.Parse(der));
        Assert.Contains("DER", ex.Message, StringComparison.Ordinal);
    }
}
