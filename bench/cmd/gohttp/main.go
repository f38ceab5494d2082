// Command gohttp is a plain Go net/http server answering the cases of
// bench/http.sh (hello, json, stream) with no JavaScript at all. It is the
// reference for what the machine does without an engine in the request
// path: the HTTP throughput goal is set against node, and this shows how
// far a compiled server gets on the same machine in the same run.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	mode := flag.String("case", "hello", "hello, json or stream")
	flag.Parse()
	var h http.HandlerFunc
	switch *mode {
	case "hello":
		h = func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) }
	case "json":
		h = func(w http.ResponseWriter, r *http.Request) {
			var in struct {
				ID   int      `json:"id"`
				Name string   `json:"name"`
				Tags []string `json:"tags"`
			}
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]any{"id": in.ID, "name": strings.ToUpper(in.Name), "tags": len(in.Tags), "ok": true})
		}
	case "stream":
		chunk := []byte(strings.Repeat("x", 64*1024))
		h = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			for i := 0; i < 16; i++ {
				w.Write(chunk)
			}
		}
	default:
		log.Fatalf("gohttp: unknown case %q", *mode)
	}
	log.Fatal(http.ListenAndServe(*addr, h))
}
