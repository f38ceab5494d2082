package module

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A sourceMap maps generated positions of one file to original ones
// (Source Map v3: "mappings" of base64 VLQ segments).
type sourceMap struct {
	sources []string
	lines   [][]mapSeg // per generated line, segments sorted by column
}

type mapSeg struct {
	genCol, src, line, col int // 0-based
}

var (
	sourceMapsMu sync.Mutex
	sourceMaps   = map[string]*sourceMap{} // by file path and by file URL
)

var sourceMappingURL = regexp.MustCompile(`(?m)^[ \t]*//[#@] sourceMappingURL=([^\s'"]+)[ \t]*$`)

// RegisterSourceMapFor finds the sourceMappingURL comment of a loaded
// file (inline data: URL or a path relative to the file), parses the map
// and records it, so that MapStack rewrites the file's stack locations
// (node's --enable-source-maps). It reports whether a map was registered.
func RegisterSourceMapFor(filename, src string) bool {
	ms := sourceMappingURL.FindAllStringSubmatch(src, -1)
	if len(ms) == 0 {
		return false
	}
	ref := ms[len(ms)-1][1]
	var data []byte
	if strings.HasPrefix(ref, "data:") {
		comma := strings.IndexByte(ref, ',')
		if comma < 0 {
			return false
		}
		meta, payload := ref[5:comma], ref[comma+1:]
		if strings.HasSuffix(meta, ";base64") {
			b, err := base64.StdEncoding.DecodeString(payload)
			if err != nil {
				return false
			}
			data = b
		} else {
			s, err := url.PathUnescape(payload)
			if err != nil {
				return false
			}
			data = []byte(s)
		}
	} else {
		p := ref
		if u, err := url.Parse(ref); err == nil && u.Scheme == "file" {
			p = u.Path
		} else if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(filename), p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return false
		}
		data = b
	}
	sm := parseSourceMap(data, filepath.Dir(filename))
	if sm == nil {
		return false
	}
	sourceMapsMu.Lock()
	sourceMaps[filename] = sm
	sourceMaps[fileURL(filename)] = sm
	sourceMapsMu.Unlock()
	return true
}

func parseSourceMap(data []byte, dir string) *sourceMap {
	var raw struct {
		Sources    []string `json:"sources"`
		SourceRoot string   `json:"sourceRoot"`
		Mappings   string   `json:"mappings"`
	}
	if json.Unmarshal(data, &raw) != nil {
		return nil
	}
	sm := &sourceMap{}
	for _, s := range raw.Sources {
		if raw.SourceRoot != "" {
			s = strings.TrimSuffix(raw.SourceRoot, "/") + "/" + s
		}
		if u, err := url.Parse(s); err == nil && u.Scheme == "file" {
			s = u.Path
		} else if !filepath.IsAbs(s) && !strings.Contains(s, "://") {
			s = filepath.Join(dir, s)
		}
		sm.sources = append(sm.sources, s)
	}
	var src, line, col int
	for _, l := range strings.Split(raw.Mappings, ";") {
		var segs []mapSeg
		genCol := 0
		for _, seg := range strings.Split(l, ",") {
			v := decodeVLQ(seg)
			if len(v) == 0 {
				continue
			}
			genCol += v[0]
			if len(v) >= 4 {
				src += v[1]
				line += v[2]
				col += v[3]
				segs = append(segs, mapSeg{genCol, src, line, col})
			}
		}
		sort.Slice(segs, func(i, j int) bool { return segs[i].genCol < segs[j].genCol })
		sm.lines = append(sm.lines, segs)
	}
	return sm
}

// lookup maps a 1-based generated line and column to the original.
func (sm *sourceMap) lookup(line, col int) (file string, oline, ocol int, ok bool) {
	if line < 1 || line > len(sm.lines) {
		return "", 0, 0, false
	}
	segs := sm.lines[line-1]
	if len(segs) == 0 {
		return "", 0, 0, false
	}
	i := sort.Search(len(segs), func(i int) bool { return segs[i].genCol > col-1 }) - 1
	if i < 0 {
		i = 0
	}
	s := segs[i]
	if s.src < 0 || s.src >= len(sm.sources) {
		return "", 0, 0, false
	}
	return sm.sources[s.src], s.line + 1, s.col + 1, true
}

var mappedLoc = regexp.MustCompile(`((?:file://)?/[^\s():]+):(\d+):(\d+)`)

// mapWithSourceMaps rewrites file:line:col locations of files that have a
// registered source map.
func mapWithSourceMaps(stack string) string {
	sourceMapsMu.Lock()
	defer sourceMapsMu.Unlock()
	if len(sourceMaps) == 0 {
		return stack
	}
	return mappedLoc.ReplaceAllStringFunc(stack, func(m string) string {
		sm := mappedLoc.FindStringSubmatch(m)
		smap, ok := sourceMaps[sm[1]]
		if !ok {
			return m
		}
		line, _ := strconv.Atoi(sm[2])
		col, _ := strconv.Atoi(sm[3])
		file, ol, oc, ok := smap.lookup(line, col)
		if !ok {
			return m
		}
		return file + ":" + strconv.Itoa(ol) + ":" + strconv.Itoa(oc)
	})
}
