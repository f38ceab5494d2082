package tls

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"strings"

	"github.com/gonode/gonode/internal/qjs"
)

// attrNames are OpenSSL's short names for the name attributes.
var attrNames = map[string]string{
	"2.5.4.3":                    "CN",
	"2.5.4.4":                    "SN",
	"2.5.4.5":                    "serialNumber",
	"2.5.4.6":                    "C",
	"2.5.4.7":                    "L",
	"2.5.4.8":                    "ST",
	"2.5.4.9":                    "street",
	"2.5.4.10":                   "O",
	"2.5.4.11":                   "OU",
	"2.5.4.12":                   "title",
	"2.5.4.13":                   "description",
	"2.5.4.17":                   "postalCode",
	"2.5.4.42":                   "GN",
	"2.5.4.43":                   "initials",
	"2.5.4.44":                   "generationQualifier",
	"2.5.4.46":                   "dnQualifier",
	"2.5.4.65":                   "pseudonym",
	"2.5.4.97":                   "organizationIdentifier",
	"1.2.840.113549.1.9.1":       "emailAddress",
	"0.9.2342.19200300.100.1.25": "DC",
	"0.9.2342.19200300.100.1.1":  "UID",
	"1.3.6.1.4.1.311.60.2.1.3":   "jurisdictionC",
	"1.3.6.1.4.1.311.60.2.1.2":   "jurisdictionST",
	"1.3.6.1.4.1.311.60.2.1.1":   "jurisdictionL",
	"2.5.4.15":                   "businessCategory",
}

type attr struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

// nameValue turns a raw DER Name into node's object: short names as
// keys, in order, a repeated key holding an array.
func nameValue(c *qjs.Context, raw []byte) qjs.Value {
	o := c.ObjectProto(qjs.Null)
	var rdns []asn1.RawValue
	if _, err := asn1.Unmarshal(raw, &asn1.RawValue{}); err != nil {
		return o
	}
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return o
	}
	rest := seq.Bytes
	for len(rest) > 0 {
		var set asn1.RawValue
		var err error
		rest, err = asn1.Unmarshal(rest, &set)
		if err != nil {
			break
		}
		rdns = append(rdns, set)
	}
	type kv struct {
		k string
		v []string
	}
	var order []*kv
	idx := map[string]*kv{}
	for _, set := range rdns {
		in := set.Bytes
		for len(in) > 0 {
			var a attr
			var err error
			in, err = asn1.Unmarshal(in, &a)
			if err != nil {
				break
			}
			key := attrNames[a.Type.String()]
			if key == "" {
				key = a.Type.String()
			}
			val := attrString(a.Value)
			if e := idx[key]; e != nil {
				e.v = append(e.v, val)
			} else {
				e := &kv{k: key, v: []string{val}}
				idx[key] = e
				order = append(order, e)
			}
		}
	}
	for _, e := range order {
		if len(e.v) == 1 {
			c.Set(o, e.k, c.String(e.v[0]))
		} else {
			c.Set(o, e.k, c.StringArray(e.v))
		}
	}
	return o
}

func attrString(v asn1.RawValue) string {
	switch v.Tag {
	case asn1.TagBMPString:
		var r []rune
		for i := 0; i+1 < len(v.Bytes); i += 2 {
			r = append(r, rune(v.Bytes[i])<<8|rune(v.Bytes[i+1]))
		}
		return string(r)
	}
	return string(v.Bytes)
}

// altNames lists the subjectAltName entries in certificate order, as
// OpenSSL prints them.
func altNames(cert *x509.Certificate) []string {
	var out []string
	for _, ext := range cert.Extensions {
		if !ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 17}) {
			continue
		}
		var seq asn1.RawValue
		if _, err := asn1.Unmarshal(ext.Value, &seq); err != nil {
			return nil
		}
		rest := seq.Bytes
		for len(rest) > 0 {
			var v asn1.RawValue
			var err error
			rest, err = asn1.Unmarshal(rest, &v)
			if err != nil {
				break
			}
			switch v.Tag {
			case 1:
				out = append(out, "email:"+quoteName(string(v.Bytes)))
			case 2:
				out = append(out, "DNS:"+quoteName(string(v.Bytes)))
			case 6:
				out = append(out, "URI:"+quoteName(string(v.Bytes)))
			case 7:
				out = append(out, "IP Address:"+net.IP(v.Bytes).String())
			case 8:
				var oid asn1.ObjectIdentifier
				if _, err := asn1.Unmarshal(v.Bytes, &oid); err == nil {
					out = append(out, "Registered ID:"+oid.String())
				}
			case 4:
				out = append(out, "DirName:"+dirName(v.Bytes))
			case 0:
				out = append(out, "othername:<unsupported>")
			}
		}
	}
	return out
}

func dirName(b []byte) string {
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(b, &seq); err != nil {
		return ""
	}
	var parts []string
	rest := seq.Bytes
	for len(rest) > 0 {
		var set asn1.RawValue
		var err error
		rest, err = asn1.Unmarshal(rest, &set)
		if err != nil {
			break
		}
		var a attr
		if _, err := asn1.Unmarshal(set.Bytes, &a); err == nil {
			k := attrNames[a.Type.String()]
			if k == "" {
				k = a.Type.String()
			}
			parts = append(parts, k+"="+attrString(a.Value))
		}
	}
	return quoteName(strings.Join(parts, "/"))
}

// quoteName quotes a name that would make the list ambiguous, as node
// does: JSON string syntax.
func quoteName(s string) string {
	for _, r := range s {
		if r == ',' || r == '"' || r == '\\' || r < 0x20 || r > 0x7e || r == ':' && false {
			b, _ := json.Marshal(s)
			return string(b)
		}
	}
	return s
}

func colonHex(b []byte) string {
	h := strings.ToUpper(hex.EncodeToString(b))
	var sb strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteString(h[i : i+2])
	}
	return sb.String()
}

var ekuOIDs = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny:             "2.5.29.37.0",
	x509.ExtKeyUsageServerAuth:      "1.3.6.1.5.5.7.3.1",
	x509.ExtKeyUsageClientAuth:      "1.3.6.1.5.5.7.3.2",
	x509.ExtKeyUsageCodeSigning:     "1.3.6.1.5.5.7.3.3",
	x509.ExtKeyUsageEmailProtection: "1.3.6.1.5.5.7.3.4",
	x509.ExtKeyUsageTimeStamping:    "1.3.6.1.5.5.7.3.8",
	x509.ExtKeyUsageOCSPSigning:     "1.3.6.1.5.5.7.3.9",
}

func curveNames2(c elliptic.Curve) (asn1Name, nist string) {
	switch c {
	case elliptic.P256():
		return "prime256v1", "P-256"
	case elliptic.P384():
		return "secp384r1", "P-384"
	case elliptic.P521():
		return "secp521r1", "P-521"
	case elliptic.P224():
		return "secp224r1", "P-224"
	}
	return "", ""
}

func serialHex(n *big.Int) string {
	s := strings.ToUpper(n.Text(16))
	if len(s)%2 == 1 {
		s = "0" + s
	}
	return s
}

// certValue is the object getPeerCertificate and getCertificate return,
// with node's keys in node's order.
func certValue(c *qjs.Context, cert *x509.Certificate) qjs.Value {
	o := c.Object()
	c.Set(o, "subject", nameValue(c, cert.RawSubject))
	c.Set(o, "issuer", nameValue(c, cert.RawIssuer))
	if alt := altNames(cert); len(alt) > 0 {
		c.Set(o, "subjectaltname", c.String(strings.Join(alt, ", ")))
	}
	if len(cert.OCSPServer) > 0 || len(cert.IssuingCertificateURL) > 0 {
		ia := c.ObjectProto(qjs.Null)
		if len(cert.OCSPServer) > 0 {
			c.Set(ia, "OCSP - URI", c.StringArray(cert.OCSPServer))
		}
		if len(cert.IssuingCertificateURL) > 0 {
			c.Set(ia, "CA Issuers - URI", c.StringArray(cert.IssuingCertificateURL))
		}
		c.Set(o, "infoAccess", ia)
	}
	c.Set(o, "ca", qjs.Bool(cert.BasicConstraintsValid && cert.IsCA))
	switch k := cert.PublicKey.(type) {
	case *rsa.PublicKey:
		c.Set(o, "modulus", c.String(strings.ToUpper(k.N.Text(16))))
		c.Set(o, "exponent", c.String(fmt.Sprintf("0x%x", k.E)))
		c.Set(o, "pubkey", bufferValue(c, cert.RawSubjectPublicKeyInfo))
		c.Set(o, "bits", qjs.Int32(int32(k.N.BitLen())))
	case *ecdsa.PublicKey:
		pt, err := k.Bytes()
		if err == nil {
			c.Set(o, "pubkey", bufferValue(c, pt))
		}
		c.Set(o, "bits", qjs.Int32(int32(k.Curve.Params().BitSize)))
	case ed25519.PublicKey:
		c.Set(o, "pubkey", bufferValue(c, k))
	}
	c.Set(o, "valid_from", c.String(cert.NotBefore.UTC().Format("Jan _2 15:04:05 2006 GMT")))
	c.Set(o, "valid_to", c.String(cert.NotAfter.UTC().Format("Jan _2 15:04:05 2006 GMT")))
	s1 := sha1.Sum(cert.Raw)
	s256 := sha256.Sum256(cert.Raw)
	s512 := sha512.Sum512(cert.Raw)
	c.Set(o, "fingerprint", c.String(colonHex(s1[:])))
	c.Set(o, "fingerprint256", c.String(colonHex(s256[:])))
	c.Set(o, "fingerprint512", c.String(colonHex(s512[:])))
	if len(cert.ExtKeyUsage) > 0 || len(cert.UnknownExtKeyUsage) > 0 {
		var ekus []string
		for _, u := range cert.ExtKeyUsage {
			if s, ok := ekuOIDs[u]; ok {
				ekus = append(ekus, s)
			}
		}
		for _, u := range cert.UnknownExtKeyUsage {
			ekus = append(ekus, u.String())
		}
		c.Set(o, "ext_key_usage", c.StringArray(ekus))
	}
	c.Set(o, "serialNumber", c.String(serialHex(cert.SerialNumber)))
	c.Set(o, "raw", bufferValue(c, cert.Raw))
	if k, ok := cert.PublicKey.(*ecdsa.PublicKey); ok {
		a, n := curveNames2(k.Curve)
		if a != "" {
			c.Set(o, "asn1Curve", c.String(a))
			c.Set(o, "nistCurve", c.String(n))
		}
	}
	return o
}

// bufferValue makes a Uint8Array; JS turns it into a Buffer.
func bufferValue(c *qjs.Context, b []byte) qjs.Value {
	return c.Uint8Array(append([]byte(nil), b...))
}

// chainValue returns the certificate objects of a chain, leaf first, as
// an array; JS links issuerCertificate.
func chainValue(c *qjs.Context, chain []*x509.Certificate) qjs.Value {
	arr := c.Array()
	for i, cert := range chain {
		c.SetIndex(arr, uint32(i), certValue(c, cert))
	}
	return arr
}

// orderChain follows issuers from the leaf through the certificates the
// peer sent and, when known, the verified chain.
func orderChain(peer []*x509.Certificate, verified []*x509.Certificate) []*x509.Certificate {
	if len(verified) > 0 {
		return verified
	}
	if len(peer) == 0 {
		return nil
	}
	out := []*x509.Certificate{peer[0]}
	used := map[int]bool{0: true}
	for {
		last := out[len(out)-1]
		if string(last.RawIssuer) == string(last.RawSubject) {
			break
		}
		found := false
		for i, p := range peer {
			if !used[i] && string(p.RawSubject) == string(last.RawIssuer) {
				used[i] = true
				out = append(out, p)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return out
}
