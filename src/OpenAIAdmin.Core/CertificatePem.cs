using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenAIAdmin
{
    /// <summary>Why a certificate cannot be uploaded; the PowerShell layer turns each into its own ErrorId.</summary>
    public enum CertificateProblem
    {
        /// <summary>Empty, not PEM, not base64, not X.509, or not exactly one certificate.</summary>
        InvalidCertificate,

        /// <summary>The text carries a private key, which must never leave the machine.</summary>
        PrivateKeyNotAllowed,
    }

    /// <summary>Thrown before any request when certificate text cannot be uploaded.</summary>
    public sealed class CertificateFormatException : FormatException
    {
        public CertificateFormatException(CertificateProblem problem, string message, Exception? inner = null)
            : base(message, inner)
        {
            Problem = problem;
        }

        public CertificateProblem Problem { get; }
    }

    /// <summary>One X.509 certificate read from PEM text, with what an admin checks before uploading it.</summary>
    public sealed class PemCertificate
    {
        internal PemCertificate(string pem, string subject, string issuer, DateTimeOffset notBefore, DateTimeOffset notAfter, string thumbprint)
        {
            Pem = pem;
            Subject = subject;
            Issuer = issuer;
            NotBefore = notBefore;
            NotAfter = notAfter;
            Thumbprint = thumbprint;
        }

        /// <summary>The certificate re-encoded as one clean PEM block (64-character lines, LF endings).</summary>
        public string Pem { get; }

        public string Subject { get; }

        public string Issuer { get; }

        public DateTimeOffset NotBefore { get; }

        public DateTimeOffset NotAfter { get; }

        /// <summary>SHA-1 thumbprint in upper-case hex, as certificate tools show it.</summary>
        public string Thumbprint { get; }
    }

    /// <summary>
    /// Checks certificate text before it is uploaded: exactly one PEM <c>CERTIFICATE</c> block holding a readable
    /// X.509 certificate, and no private key anywhere in the text (a key pasted along with the certificate would
    /// otherwise be sent to the API). Text outside the block, such as the "subject=" lines openssl writes, is dropped.
    /// </summary>
    public static class CertificatePem
    {
        private const string CertificateLabel = "CERTIFICATE";

        private static readonly Regex Block = new Regex(
            @"-----BEGIN (?<label>[A-Z0-9 ]+)-----(?<body>.*?)-----END \k<label>-----",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private static readonly Regex AnyBegin = new Regex(@"-----BEGIN (?<label>[A-Z0-9 ]+)-----", RegexOptions.CultureInvariant);

        /// <summary>
        /// The text of a certificate file: UTF-8, or UTF-16/UTF-32 as its byte-order mark says, or UTF-16 without one,
        /// told by the zero bytes of its first (ASCII) character, as some editors and tools save it. Read as UTF-8, such
        /// a file would have no BEGIN line and be taken for a binary (DER) file. A DER file starts with 0x30, never 0.
        /// </summary>
        public static string ReadText(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            // No byte-order mark has a zero in its first two bytes, so this test sees only files without one.
            if (bytes.Length >= 2 && bytes.Length % 2 == 0)
            {
                if (bytes[0] != 0 && bytes[1] == 0)
                {
                    return Encoding.Unicode.GetString(bytes);
                }

                if (bytes[0] == 0 && bytes[1] != 0)
                {
                    return Encoding.BigEndianUnicode.GetString(bytes);
                }
            }

            using var reader = new System.IO.StreamReader(new System.IO.MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        /// <summary>Reads and checks PEM text; throws <see cref="CertificateFormatException"/> saying what is wrong.</summary>
        public static PemCertificate Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Invalid("The certificate is empty.");
            }

            // Refuse keys first, whatever else is wrong with the text: a private key must never be uploaded.
            foreach (Match begin in AnyBegin.Matches(text))
            {
                if (begin.Groups["label"].Value.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0)
                {
                    throw new CertificateFormatException(
                        CertificateProblem.PrivateKeyNotAllowed,
                        $"The text contains a private key ('{begin.Groups["label"].Value}' block). Upload only the certificate: "
                        + "the API needs the public certificate, and a private key must never leave your machine.");
                }
            }

            var certificates = new List<string>();
            foreach (Match block in Block.Matches(text))
            {
                string label = block.Groups["label"].Value;
                if (label != CertificateLabel)
                {
                    throw Invalid($"The text contains a '{label}' block; only a PEM certificate (-----BEGIN CERTIFICATE-----) can be uploaded.");
                }

                certificates.Add(block.Groups["body"].Value);
            }

            if (certificates.Count == 0)
            {
                throw Invalid(text!.IndexOf('\0') >= 0 || AnyBegin.IsMatch(text)
                    ? "The text is not a complete PEM certificate (no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block). A binary (DER) file must be converted to PEM first."
                    : "The text is not a PEM certificate: it has no -----BEGIN CERTIFICATE----- block. A binary (DER) file must be converted to PEM first.");
            }

            if (certificates.Count > 1)
            {
                throw Invalid($"The text contains {certificates.Count} certificates; upload one certificate at a time.");
            }

            byte[] der;
            try
            {
                der = Convert.FromBase64String(Regex.Replace(certificates[0], @"\s+", string.Empty));
            }
            catch (FormatException ex)
            {
                throw Invalid("The certificate block is not valid base64.", ex);
            }

            try
            {
                using var certificate = new X509Certificate2(der);
                return new PemCertificate(
                    ToPem(der),
                    certificate.Subject,
                    certificate.Issuer,
                    new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                    new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
                    certificate.Thumbprint);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw Invalid("The certificate block does not hold a readable X.509 certificate.", ex);
            }
        }

        private static string ToPem(byte[] der)
        {
            string base64 = Convert.ToBase64String(der);
            var pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
            for (int i = 0; i < base64.Length; i += 64)
            {
                pem.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
            }

            return pem.Append("-----END CERTIFICATE-----\n").ToString();
        }

        private static CertificateFormatException Invalid(string message, Exception? inner = null) =>
            new CertificateFormatException(CertificateProblem.InvalidCertificate, message, inner);
    }
}
