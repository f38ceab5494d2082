package crypto

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"strings"
	"time"
)

var attrNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "serialNumber", "2.5.4.6": "C", "2.5.4.7": "L",
	"2.5.4.8": "ST", "2.5.4.9": "street", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.12": "title",
	"2.5.4.13": "description", "2.5.4.15": "businessCategory", "2.5.4.17": "postalCode",
	"2.5.4.42": "GN", "2.5.4.43": "initials", "2.5.4.44": "generationQualifier", "2.5.4.46": "dnQualifier",
	"2.5.4.65": "pseudonym", "2.5.4.97": "organizationIdentifier",
	"1.2.840.113549.1.9.1": "emailAddress", "0.9.2342.19200300.100.1.25": "DC",
	"0.9.2342.19200300.100.1.1": "UID", "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
	"1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST", "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
}

var sigAlgNames = map[string]string{
	"1.2.840.113549.1.1.4": "md5WithRSAEncryption", "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
	"1.2.840.113549.1.1.11": "sha256WithRSAEncryption", "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
	"1.2.840.113549.1.1.13": "sha512WithRSAEncryption", "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
	"1.2.840.113549.1.1.10": "rsassaPss", "1.2.840.10045.4.1": "ecdsa-with-SHA1",
	"1.2.840.10045.4.3.1": "ecdsa-with-SHA224", "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
	"1.2.840.10045.4.3.3": "ecdsa-with-SHA384", "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
	"1.3.101.112": "ED25519", "1.3.101.113": "ED448", "1.2.840.10040.4.3": "dsa_with_SHA1",
	"2.16.840.1.101.3.4.3.2": "dsa_with_SHA256",
}

// rdnEntries returns the attributes of a name, in order, as [short, value].
func rdnEntries(raw []byte) [][2]string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return nil
	}
	var out [][2]string
	for _, rdn := range seq {
		for _, atv := range rdn {
			name, ok := attrNames[atv.Type.String()]
			if !ok {
				name = atv.Type.String()
			}
			out = append(out, [2]string{name, fmt.Sprint(atv.Value)})
		}
	}
	return out
}

func fingerprint(b []byte) string {
	h := strings.ToUpper(hex.EncodeToString(b))
	var out strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			out.WriteByte(':')
		}
		out.WriteString(h[i : i+2])
	}
	return out.String()
}

func certTime(t time.Time) string { return t.UTC().Format("Jan _2 15:04:05 2006 GMT") }

var (
	oidSAN = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidAIA = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1}
)

func parseCertInput(b []byte) (*x509.Certificate, error) {
	der := b
	if blk, _ := pem.Decode(b); blk != nil {
		der = blk.Bytes
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		if c = lenientParse(der); c == nil {
			return nil, errSSL("0680007B", "asn1 encoding routines", "header too long")
		}
	}
	return c, nil
}

// lenientParse reads a certificate that Go's parser rejects for one of its
// extensions (OpenSSL reads those): it drops the extensions that fail,
// one at a time, and keeps the original bytes.
func lenientParse(der []byte) *x509.Certificate {
	var cert struct {
		TBS    asn1.RawValue
		SigAlg asn1.RawValue
		Sig    asn1.RawValue
	}
	if rest, err := asn1.Unmarshal(der, &cert); err != nil || len(rest) != 0 {
		return nil
	}
	var fields []asn1.RawValue
	for rest := cert.TBS.Bytes; len(rest) > 0; {
		var f asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &f); err != nil {
			return nil
		}
		fields = append(fields, f)
	}
	extIdx := -1
	for i, f := range fields {
		if f.Class == asn1.ClassContextSpecific && f.Tag == 3 {
			extIdx = i
		}
	}
	spkiIdx := 5
	if len(fields) > 0 && fields[0].Class == asn1.ClassContextSpecific && fields[0].Tag == 0 {
		spkiIdx = 6
	}
	if spkiIdx >= len(fields) {
		return nil
	}
	var exts []asn1.RawValue
	if extIdx >= 0 {
		if _, err := asn1.Unmarshal(fields[extIdx].Bytes, &exts); err != nil {
			return nil
		}
	}
	seq := func(class, tag int, inner []byte) []byte {
		out, _ := asn1.Marshal(asn1.RawValue{Class: class, Tag: tag, IsCompound: true, Bytes: inner})
		return out
	}
	// A stand-in key (an Ed25519 SPKI) for a certificate whose own key
	// does not parse.
	dummySPKI, _ := hex.DecodeString("302a300506032b6570032100" + strings.Repeat("00", 32))
	build := func(keep []asn1.RawValue, spki []byte) []byte {
		var tbs []byte
		for i, f := range fields {
			switch {
			case i == extIdx:
				var inner []byte
				for _, e := range keep {
					inner = append(inner, e.FullBytes...)
				}
				tbs = append(tbs, seq(asn1.ClassContextSpecific, 3, seq(asn1.ClassUniversal, asn1.TagSequence, inner))...)
			case i == spkiIdx && spki != nil:
				tbs = append(tbs, spki...)
			default:
				tbs = append(tbs, f.FullBytes...)
			}
		}
		all := append(append(seq(asn1.ClassUniversal, asn1.TagSequence, tbs), cert.SigAlg.FullBytes...), cert.Sig.FullBytes...)
		return seq(asn1.ClassUniversal, asn1.TagSequence, all)
	}
	try := func(keep []asn1.RawValue, spki []byte) *x509.Certificate {
		c, err := x509.ParseCertificate(build(keep, spki))
		if err != nil {
			return nil
		}
		c.Raw = der
		c.RawTBSCertificate = cert.TBS.FullBytes
		// Keep every extension, the dropped ones too, for the printers.
		all := make([]pkix.Extension, 0, len(exts))
		for _, e := range exts {
			var x pkix.Extension
			if _, err := asn1.Unmarshal(e.FullBytes, &x); err == nil {
				all = append(all, x)
			}
		}
		c.Extensions = all
		if spki != nil {
			c.RawSubjectPublicKeyInfo = fields[spkiIdx].FullBytes
			c.PublicKey = nil
		}
		return c
	}
	for _, spki := range [][]byte{nil, dummySPKI} {
		if c := try(exts, spki); c != nil {
			return c
		}
		for drop := range exts {
			keep := append(append([]asn1.RawValue{}, exts[:drop]...), exts[drop+1:]...)
			if c := try(keep, spki); c != nil {
				return c
			}
		}
	}
	return nil
}

// CertInfo describes a certificate as X509Certificate's properties do.
func CertInfo(c *x509.Certificate) map[string]any {
	s1 := sha1.Sum(c.Raw)
	s256 := sha256.Sum256(c.Raw)
	s512 := sha512.Sum512(c.Raw)
	m := map[string]any{
		"raw":                   c.Raw,
		"subject":               formatName(c.RawSubject),
		"issuer":                formatName(c.RawIssuer),
		"validFrom":             certTime(c.NotBefore),
		"validTo":               certTime(c.NotAfter),
		"validFromTime":         float64(c.NotBefore.Unix()) * 1000,
		"validToTime":           float64(c.NotAfter.Unix()) * 1000,
		"fingerprint":           fingerprint(s1[:]),
		"fingerprint256":        fingerprint(s256[:]),
		"fingerprint512":        fingerprint(s512[:]),
		"serialNumber":          strings.ToUpper(hexSerial(c.SerialNumber)),
		"ca":                    c.BasicConstraintsValid && c.IsCA,
		"spki":                  c.RawSubjectPublicKeyInfo,
		"signatureAlgorithmOid": sigAlgOID(c),
		"pem":                   string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})),
	}
	if n, ok := sigAlgNames[sigAlgOID(c)]; ok {
		m["signatureAlgorithm"] = n
	}
	if san, ok := sanString(c); ok {
		m["subjectAltName"] = san
	}
	if ia, ok := infoAccessText(c); ok {
		m["infoAccess"] = ia
	}
	if ku := extKeyUsage(c); ku != nil {
		m["keyUsage"] = ku
	}
	return m
}

var extKeyUsageOIDs = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny: "2.5.29.37.0", x509.ExtKeyUsageServerAuth: "1.3.6.1.5.5.7.3.1",
	x509.ExtKeyUsageClientAuth: "1.3.6.1.5.5.7.3.2", x509.ExtKeyUsageCodeSigning: "1.3.6.1.5.5.7.3.3",
	x509.ExtKeyUsageEmailProtection: "1.3.6.1.5.5.7.3.4", x509.ExtKeyUsageTimeStamping: "1.3.6.1.5.5.7.3.8",
	x509.ExtKeyUsageOCSPSigning: "1.3.6.1.5.5.7.3.9",
}

func hexSerial(n *big.Int) string {
	h := hex.EncodeToString(n.Bytes())
	if h == "" {
		h = "00"
	}
	return h
}

func sigAlgOID(c *x509.Certificate) string {
	var v struct {
		TBS    asn1.RawValue
		SigAlg pkix.AlgorithmIdentifier
	}
	if _, err := asn1.Unmarshal(c.Raw, &v); err != nil {
		return ""
	}
	return v.SigAlg.Algorithm.String()
}

// checkHost matches name against the certificate's DNS names (or its
// subject CN when there are none, or always/never per subject).
func checkHost(c *x509.Certificate, name, subject string, wildcards, partial bool) string {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	match := func(pattern string) bool {
		p := strings.ToLower(strings.TrimSuffix(pattern, "."))
		if p == name {
			return true
		}
		if !wildcards || !strings.Contains(p, "*") {
			return false
		}
		pl := strings.Split(p, ".")
		nl := strings.Split(name, ".")
		if len(pl) != len(nl) || len(pl) < 3 || strings.Contains(strings.Join(pl[1:], "."), "*") {
			return false
		}
		w := pl[0]
		if w != "*" && !partial {
			return false
		}
		i := strings.IndexByte(w, '*')
		prefix, suffix := w[:i], w[i+1:]
		first := nl[0]
		if len(first) < len(prefix)+len(suffix) || !strings.HasPrefix(first, prefix) || !strings.HasSuffix(first, suffix) {
			return false
		}
		return strings.Join(pl[1:], ".") == strings.Join(nl[1:], ".")
	}
	if subject != "always" {
		for _, d := range c.DNSNames {
			if match(d) {
				return d
			}
		}
	}
	if subject == "always" || (subject != "never" && len(c.DNSNames) == 0) {
		for _, e := range rdnEntries(c.RawSubject) {
			if e[0] == "CN" && match(e[1]) {
				return e[1]
			}
		}
	}
	return ""
}

func checkEmail(c *x509.Certificate, email, subject string) string {
	if subject != "always" {
		for _, e := range c.EmailAddresses {
			if strings.EqualFold(e, email) {
				return e
			}
		}
	}
	if subject == "always" || (subject != "never" && len(c.EmailAddresses) == 0) {
		for _, e := range rdnEntries(c.RawSubject) {
			if e[0] == "emailAddress" && strings.EqualFold(e[1], email) {
				return e[1]
			}
		}
	}
	return ""
}

func checkIssued(c, issuer *x509.Certificate) bool {
	if !bytes.Equal(c.RawIssuer, issuer.RawSubject) {
		return false
	}
	if len(c.AuthorityKeyId) > 0 && len(issuer.SubjectKeyId) > 0 && !bytes.Equal(c.AuthorityKeyId, issuer.SubjectKeyId) {
		return false
	}
	if issuer.KeyUsage != 0 && issuer.KeyUsage&x509.KeyUsageCertSign == 0 {
		return false
	}
	return true
}

// x509(action, cert, ...): parse -> info; checkHost(name, subject,
// wildcards, partialWildcards); checkEmail(email, subject); checkIP(ip);
// checkIssued(other); verify(spki) -> bool.
func x509Op(a *Args) (any, error) {
	c, err := parseCertInput(a.Bytes(1))
	if err != nil {
		return nil, err
	}
	switch a.Str(0) {
	case "parse":
		return CertInfo(c), nil
	case "legacy":
		return legacyInfo(c), nil
	case "checkHost":
		if r := checkHost(c, a.Str(2), a.Str(3), !a.Has(4) || a.Bool(4), !a.Has(5) || a.Bool(5)); r != "" {
			return r, nil
		}
		return nil, nil
	case "checkEmail":
		if r := checkEmail(c, a.Str(2), a.Str(3)); r != "" {
			return r, nil
		}
		return nil, nil
	case "checkIP":
		ip := net.ParseIP(a.Str(2))
		for _, x := range c.IPAddresses {
			if x.Equal(ip) {
				return a.Str(2), nil
			}
		}
		return nil, nil
	case "checkIssued":
		other, err := parseCertInput(a.Bytes(2))
		if err != nil {
			return false, nil
		}
		return checkIssued(c, other), nil
	case "verify":
		k, err := ParseSPKI(a.Bytes(2))
		if err != nil {
			return false, nil
		}
		parent := &x509.Certificate{PublicKey: k.Pub}
		return parent.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil, nil
	}
	return nil, nil
}
