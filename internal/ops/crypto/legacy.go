package crypto

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gonode/gonode/internal/qjs"
)

// This file is the one presenter of a certificate as node's "legacy"
// object: what tls.TLSSocket#getPeerCertificate(), #getCertificate() and
// X509Certificate#toLegacyObject() return. It also renders the
// subjectAltName and infoAccess strings X509Certificate exposes.

// nullProto is an ordered object created with a null prototype.
type nullProto ordered

// LegacyObject returns node's legacy object for cert, keys in node's
// order: subject, issuer, subjectaltname, infoAccess, ca, the key fields,
// validity, fingerprints, ext_key_usage, serialNumber, raw and, for EC
// keys, the curve names. Buffers come out as Uint8Arrays.
func LegacyObject(c *qjs.Context, cert *x509.Certificate) qjs.Value {
	return toJS(c, legacyInfo(cert))
}

// ParseCertificate parses a DER (or PEM) certificate, accepting the ones
// with extensions Go rejects but OpenSSL reads.
func ParseCertificate(b []byte) (*x509.Certificate, error) {
	return parseCertInput(b)
}

func legacyInfo(cert *x509.Certificate) ordered {
	var o ordered
	o.set("subject", legacyName(cert.RawSubject))
	o.set("issuer", legacyName(cert.RawIssuer))
	if san, ok := sanString(cert); ok {
		o.set("subjectaltname", san)
	}
	if text, ok := infoAccessText(cert); ok {
		o.set("infoAccess", infoAccessDict(text))
	}
	o.set("ca", cert.BasicConstraintsValid && cert.IsCA)
	var curve [2]string
	switch k := cert.PublicKey.(type) {
	case *rsa.PublicKey:
		o.set("modulus", strings.ToUpper(k.N.Text(16)))
		o.set("exponent", fmt.Sprintf("0x%x", k.E))
		o.set("pubkey", cert.RawSubjectPublicKeyInfo)
		o.set("bits", k.N.BitLen())
	case *ecdsa.PublicKey:
		if pt, err := k.Bytes(); err == nil {
			o.set("pubkey", pt)
		}
		o.set("bits", k.Curve.Params().BitSize)
		switch k.Curve.Params().Name {
		case "P-256":
			curve = [2]string{"prime256v1", "P-256"}
		case "P-384":
			curve = [2]string{"secp384r1", "P-384"}
		case "P-521":
			curve = [2]string{"secp521r1", "P-521"}
		case "P-224":
			curve = [2]string{"secp224r1", "P-224"}
		}
	}
	o.set("valid_from", certTime(cert.NotBefore))
	o.set("valid_to", certTime(cert.NotAfter))
	s1 := sha1.Sum(cert.Raw)
	s256 := sha256.Sum256(cert.Raw)
	s512 := sha512.Sum512(cert.Raw)
	o.set("fingerprint", fingerprint(s1[:]))
	o.set("fingerprint256", fingerprint(s256[:]))
	o.set("fingerprint512", fingerprint(s512[:]))
	if ku := extKeyUsage(cert); ku != nil {
		o.set("ext_key_usage", ku)
	}
	o.set("serialNumber", strings.ToUpper(hexSerial(cert.SerialNumber)))
	o.set("raw", cert.Raw)
	if curve[0] != "" {
		o.set("asn1Curve", curve[0])
		o.set("nistCurve", curve[1])
	}
	return o
}

// extKeyUsage lists the extended key usage OIDs, or nil without the
// extension.
func extKeyUsage(c *x509.Certificate) []any {
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return nil
	}
	ku := []any{}
	for _, u := range c.ExtKeyUsage {
		if oid, ok := extKeyUsageOIDs[u]; ok {
			ku = append(ku, oid)
		}
	}
	for _, o := range c.UnknownExtKeyUsage {
		ku = append(ku, o.String())
	}
	return ku
}

// legacyName is a name as a null-prototype object: short names as keys in
// order of first appearance, a repeated attribute holding an array.
func legacyName(raw []byte) nullProto {
	var o nullProto
	idx := map[string]int{}
	for _, e := range rdnEntries(raw) {
		if i, ok := idx[e[0]]; ok {
			switch p := o[i].v.(type) {
			case []any:
				o[i].v = append(p, e[1])
			default:
				o[i].v = []any{p, e[1]}
			}
			continue
		}
		idx[e[0]] = len(o)
		o = append(o, kv{e[0], e[1]})
	}
	return o
}

// altNameSafe reports whether a name can be printed as is in a list of
// names: no quote, backslash, comma or apostrophe, and no control
// character (for byte strings, nothing outside printable ASCII).
func altNameSafe(s string, utf8 bool) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b == '"' || b == '\\' || b == ',' || b == '\'':
			return false
		case b < 0x20 || b == 0x7f:
			return false
		case b > 0x7e && !utf8:
			return false
		}
	}
	return true
}

// altName renders one name of a list: as is when safe, otherwise as a
// JSON string (commas and control bytes as \u00XX), the prefix inside the
// quotes.
func altName(prefix, s string, utf8 bool) string {
	if altNameSafe(s, utf8) {
		if prefix != "" {
			return prefix + ":" + s
		}
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	if prefix != "" {
		b.WriteString(prefix + ":")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= ' ' && c <= '~' && c != ',', utf8 && c&0x80 != 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\u%04x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

var (
	oidXmppAddr = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 8, 5}
	oidSRVName  = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 8, 7}
)

// generalName renders one GeneralName as node lists it: the type, a
// colon, and the name escaped as altName does.
func generalName(rv asn1.RawValue) string {
	switch rv.Tag {
	case 0:
		return "othername:" + otherName(rv.Bytes)
	case 1:
		return "email:" + altName("", string(rv.Bytes), false)
	case 2:
		return "DNS:" + altName("", string(rv.Bytes), false)
	case 3:
		return "X400Name:<unsupported>"
	case 4:
		return "DirName:" + altName("", rfc2253(rv.Bytes), true)
	case 5:
		return "EdiPartyName:<unsupported>"
	case 6:
		return "URI:" + altName("", string(rv.Bytes), false)
	case 7:
		switch len(rv.Bytes) {
		case 4:
			b := rv.Bytes
			return fmt.Sprintf("IP Address:%d.%d.%d.%d", b[0], b[1], b[2], b[3])
		case 16:
			// IPv6 in full, upper-case groups, as OpenSSL prints it.
			parts := make([]string, 8)
			for i := range parts {
				parts[i] = fmt.Sprintf("%X", int(rv.Bytes[2*i])<<8|int(rv.Bytes[2*i+1]))
			}
			return "IP Address:" + strings.Join(parts, ":")
		}
		return fmt.Sprintf("IP Address:<invalid length=%d>", len(rv.Bytes))
	case 8:
		var oid asn1.ObjectIdentifier
		asn1.Unmarshal(append([]byte{6, byte(len(rv.Bytes))}, rv.Bytes...), &oid)
		return "Registered ID:" + oid.String()
	}
	return "othername:<unsupported>"
}

// otherName renders the two otherName forms OpenSSL knows (XmppAddr as a
// UTF8String, SRVName as an IA5String).
func otherName(b []byte) string {
	var oid asn1.ObjectIdentifier
	rest, err := asn1.Unmarshal(b, &oid)
	if err != nil {
		return "<unsupported>"
	}
	var wrap asn1.RawValue
	if _, err := asn1.Unmarshal(rest, &wrap); err != nil || wrap.Class != asn1.ClassContextSpecific || wrap.Tag != 0 {
		return "<unsupported>"
	}
	var val asn1.RawValue
	if _, err := asn1.Unmarshal(wrap.Bytes, &val); err != nil || val.Class != asn1.ClassUniversal {
		return "<unsupported>"
	}
	switch {
	case oid.Equal(oidXmppAddr) && val.Tag == asn1.TagUTF8String:
		return altName("XmppAddr", string(val.Bytes), true)
	case oid.Equal(oidSRVName) && val.Tag == asn1.TagIA5String:
		return altName("SRVName", string(val.Bytes), false)
	}
	return "<unsupported>"
}

// rfc2253 prints a DER Name as RFC 2253 does (last RDN first, commas
// between RDNs, plus signs inside one), keeping non-ASCII and control
// characters as they are.
func rfc2253(der []byte) string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		return ""
	}
	var rdns []string
	for i := len(seq) - 1; i >= 0; i-- {
		var avas []string
		for _, atv := range seq[i] {
			name, ok := attrNames[atv.Type.String()]
			if !ok {
				name = atv.Type.String()
			}
			avas = append(avas, name+"="+escape2253(fmt.Sprint(atv.Value)))
		}
		rdns = append(rdns, strings.Join(avas, "+"))
	}
	return strings.Join(rdns, ",")
}

// escape2253 backslash-escapes the characters RFC 2253 reserves.
func escape2253(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(",+\"\\<>;", c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == len(s)-1 && c == ' ') {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// sanString is the subjectAltName string: the names, comma-separated.
func sanString(c *x509.Certificate) (string, bool) {
	for _, ext := range c.Extensions {
		if !ext.Id.Equal(oidSAN) {
			continue
		}
		var seq []asn1.RawValue
		if _, err := asn1.Unmarshal(ext.Value, &seq); err != nil {
			return "", false
		}
		parts := make([]string, len(seq))
		for i, rv := range seq {
			parts[i] = generalName(rv)
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

type accessDescription struct {
	Method   asn1.ObjectIdentifier
	Location asn1.RawValue
}

// infoAccessText is the infoAccess string: one "method - name" a line.
func infoAccessText(c *x509.Certificate) (string, bool) {
	for _, ext := range c.Extensions {
		if !ext.Id.Equal(oidAIA) {
			continue
		}
		var ads []accessDescription
		if _, err := asn1.Unmarshal(ext.Value, &ads); err != nil {
			return "", false
		}
		lines := make([]string, len(ads))
		for i, ad := range ads {
			method := ad.Method.String()
			switch method {
			case "1.3.6.1.5.5.7.48.1":
				method = "OCSP"
			case "1.3.6.1.5.5.7.48.2":
				method = "CA Issuers"
			}
			lines[i] = method + " - " + generalName(ad.Location)
		}
		return strings.Join(lines, "\n"), true
	}
	return "", false
}

// infoAccessDict splits the infoAccess text into node's legacy object:
// "method - type" keys, each holding the unescaped names in order.
func infoAccessDict(text string) nullProto {
	var o nullProto
	idx := map[string]int{}
	for _, line := range strings.Split(text, "\n") {
		i := strings.IndexByte(line, ':')
		if i < 0 {
			continue
		}
		key, val := line[:i], line[i+1:]
		if strings.HasPrefix(val, "\"") {
			var s string
			if json.Unmarshal([]byte(val), &s) == nil {
				val = s
			}
		}
		if j, ok := idx[key]; ok {
			o[j].v = append(o[j].v.([]any), val)
			continue
		}
		idx[key] = len(o)
		o = append(o, kv{key, []any{val}})
	}
	return o
}

// formatName prints a DER Name one RDN a line, the attributes of one RDN
// joined by " + ", values escaped as OpenSSL's multi-line printer does
// (RFC 2253 specials with a backslash, control bytes as \XX; non-ASCII
// kept).
func formatName(der []byte) string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		return ""
	}
	lines := make([]string, 0, len(seq))
	for _, rdn := range seq {
		avas := make([]string, 0, len(rdn))
		for _, atv := range rdn {
			name, ok := attrNames[atv.Type.String()]
			if !ok {
				name = atv.Type.String()
			}
			avas = append(avas, name+"="+escapeOneLine(fmt.Sprint(atv.Value)))
		}
		lines = append(lines, strings.Join(avas, " + "))
	}
	return strings.Join(lines, "\n")
}

func escapeOneLine(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(",+\"\\<>;", c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == len(s)-1 && c == ' '):
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
