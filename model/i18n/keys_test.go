package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// This file finds, by reading the program's source, every text that is
// looked up in the catalogue: the first argument of T and Tf, the format
// of model.Errorf and of every function that hands a parameter on to one
// of them, i18n.Text and i18n.In (and parameters, fields, constants and
// map keys of type i18n.Text), the Format of a Phrase, the usage of a
// command-line option, and the fields of tables whose values are looked
// up (a screen's label, a command's summary). A constant, a table entry,
// a local variable or a function's result given in their place is
// followed to its literals. The harnesses only tests use (flowtest,
// screentest) are left out: their words are no user's.

// foundKey is a catalogue key and where the source uses it.
type foundKey struct {
	Key string
	Pos token.Position
}

// sourcePackage is one directory of the module, parsed.
type sourcePackage struct {
	path  string // import path
	files []*ast.File
	// values are the package-level constants and variables with a value;
	// funcs the functions that return a string.
	values  map[string]ast.Expr
	funcs   map[string]*ast.FuncDecl
	entries map[string][]ast.Expr // table[k] = "…" outside the table's literal
	texts   []ast.Expr            // values declared of type i18n.Text
}

// keyScan is the state of one scan of the module.
type keyScan struct {
	fset   *token.FileSet
	module string
	pkgs   map[string]*sourcePackage
	// keyParams names functions (by name) and the indexes of their
	// parameters that are catalogue keys; fields names struct fields
	// whose values are (by package and name).
	keyParams map[string]map[int]bool
	fields    map[string]bool
	found     map[string]foundKey
}

// flagUsage is the index of the usage in the flag package's methods that
// declare an option (-1: the last argument).
var flagUsage = map[string]int{
	"StringVar": -1, "BoolVar": -1, "IntVar": -1, "Int64Var": -1, "UintVar": -1, "Uint64Var": -1,
	"DurationVar": -1, "Float64Var": -1, "TextVar": -1, "Var": -1,
	"String": -1, "Bool": -1, "Int": -1, "Duration": -1, "Func": 1, "BoolFunc": 1,
}

// scanned is the last scan, for tests that look further into it.
var scanned *keyScan

// scanKeys reads every non-test Go file under root, the module's
// directory, and returns the catalogue keys it uses.
func scanKeys(root string) ([]foundKey, error) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	module := strings.Fields(strings.SplitN(string(mod), "\n", 2)[0])[1]
	s := &keyScan{fset: token.NewFileSet(), module: module, pkgs: map[string]*sourcePackage{},
		keyParams: map[string]map[int]bool{}, fields: map[string]bool{}, found: map[string]foundKey{}}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// testdata, and the harnesses only tests use (flowtest,
			// screentest, apptest), hold no words of the program.
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || strings.HasSuffix(name, "test")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(s.fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		imp := module
		if rel != "." {
			imp += "/" + filepath.ToSlash(rel)
		}
		p := s.pkgs[imp]
		if p == nil {
			p = &sourcePackage{path: imp, values: map[string]ast.Expr{}, funcs: map[string]*ast.FuncDecl{}, entries: map[string][]ast.Expr{}}
			s.pkgs[imp] = p
		}
		p.files = append(p.files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.declarations()
	// Parameters handed on to a lookup make their callers' arguments keys,
	// and those callers may hand on their own: follow until nothing new.
	for {
		before := s.params()
		s.walk(false)
		if s.params() == before {
			break
		}
	}
	s.walk(true)
	for _, p := range s.pkgs {
		for _, e := range p.texts {
			for _, v := range s.stringsIn(nil, p, e, 0) {
				s.add(v, e.Pos())
			}
		}
	}
	scanned = s
	out := make([]foundKey, 0, len(s.found))
	for _, k := range s.found {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b foundKey) int { return strings.Compare(a.Key, b.Key) })
	return out, nil
}

func (s *keyScan) params() int {
	n := len(s.fields)
	for _, m := range s.keyParams {
		n += len(m)
	}
	return n
}

// declarations records the package-level values, the functions whose
// parameters are of type i18n.Text and the fields of that type.
func (s *keyScan) declarations() {
	for _, p := range s.pkgs {
		inI18n := strings.HasSuffix(p.path, "/model/i18n")
		isText := func(e ast.Expr) bool {
			switch t := e.(type) {
			case *ast.Ellipsis:
				e = t.Elt
			case *ast.ArrayType:
				e = t.Elt
			}
			if sel, ok := e.(*ast.SelectorExpr); ok {
				x, _ := sel.X.(*ast.Ident)
				return x != nil && x.Name == "i18n" && (sel.Sel.Name == "Text" || sel.Sel.Name == "AnyOf")
			}
			id, ok := e.(*ast.Ident)
			return ok && inI18n && (id.Name == "Text" || id.Name == "AnyOf")
		}
		for _, f := range p.files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						switch sp := sp.(type) {
						case *ast.ValueSpec:
							for i, n := range sp.Names {
								if i < len(sp.Values) {
									p.values[n.Name] = sp.Values[i]
									if sp.Type != nil && isText(sp.Type) {
										p.texts = append(p.texts, sp.Values[i])
									}
								}
							}
						case *ast.TypeSpec:
							st, ok := sp.Type.(*ast.StructType)
							if !ok {
								continue
							}
							for _, fl := range st.Fields.List {
								if isText(fl.Type) {
									for _, n := range fl.Names {
										s.fields[n.Name] = true
									}
								}
							}
						}
					}
				case *ast.FuncDecl:
					s.tableEntries(p, d)
					if d.Recv == nil && d.Body != nil && d.Type.Results != nil && textual(d.Type.Results.List[0].Type) {
						p.funcs[d.Name.Name] = d
					}
					s.textParams(d.Name.Name, d.Type, isText)
				}
			}
		}
	}
}

func (s *keyScan) markParam(fn string, i int) {
	if s.keyParams[fn] == nil {
		s.keyParams[fn] = map[int]bool{}
	}
	s.keyParams[fn][i] = true
}

// fileCtx is what a walk knows of the file it is in.
type fileCtx struct {
	pkg     *sourcePackage
	imports map[string]string // local name → import path
	// funcs is the stack of enclosing functions: their name (for a
	// function literal, the variable it is assigned to), parameters and
	// body.
	funcs []enclosing
}

type enclosing struct {
	name   string
	params map[string]int
	body   *ast.BlockStmt
}

// walk visits every file; with collect it records the keys found, else
// only the parameters and fields that carry keys.
func (s *keyScan) walk(collect bool) {
	for _, p := range s.pkgs {
		for _, f := range p.files {
			fc := &fileCtx{pkg: p, imports: map[string]string{}}
			for _, im := range f.Imports {
				path, _ := strconv.Unquote(im.Path.Value)
				name := path[strings.LastIndex(path, "/")+1:]
				if im.Name != nil {
					name = im.Name.Name
				}
				fc.imports[name] = path
			}
			s.visit(fc, f, collect)
		}
	}
}

func (s *keyScan) visit(fc *fileCtx, n ast.Node, collect bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			fc.funcs = append(fc.funcs, enclosing{name: n.Name.Name, params: paramIndex(n.Type), body: n.Body})
			s.visit(fc, n.Body, collect)
			fc.funcs = fc.funcs[:len(fc.funcs)-1]
			return false
		case *ast.AssignStmt:
			// x.field = …: a field whose values are keys.
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) && s.fields[fc.pkg.path+"."+sel.Sel.Name] {
					s.key(fc, n.Rhs[i], collect)
				}
			}
			// name := func(…) {…}: the literal is known by the name.
			for i, r := range n.Rhs {
				if lit, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						fc.funcs = append(fc.funcs, enclosing{name: id.Name, params: paramIndex(lit.Type), body: lit.Body})
						s.visit(fc, lit.Body, collect)
						fc.funcs = fc.funcs[:len(fc.funcs)-1]
						for j, l := range n.Lhs {
							if j != i {
								s.visit(fc, l, collect)
							}
						}
						for j, r := range n.Rhs {
							if j != i {
								s.visit(fc, r, collect)
							}
						}
						return false
					}
				}
			}
		case *ast.CallExpr:
			s.call(fc, n, collect)
		case *ast.CompositeLit:
			s.composite(fc, n, collect)
		}
		return true
	})
}

// paramIndex maps the names of a function's parameters that can carry a
// key (strings and texts) to their index.
func paramIndex(ft *ast.FuncType) map[string]int {
	m := map[string]int{}
	i := 0
	for _, fl := range ft.Params.List {
		for _, n := range fl.Names {
			if textual(fl.Type) {
				m[n.Name] = i
			}
			i++
		}
		if len(fl.Names) == 0 {
			i++
		}
	}
	return m
}

// call looks at one call: a lookup, a conversion to i18n.Text, an option's
// usage, or a call of a function whose parameter is a key.
func (s *keyScan) call(fc *fileCtx, c *ast.CallExpr, collect bool) {
	var name string
	var recv ast.Expr
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name, recv = fn.Sel.Name, fn.X
	case *ast.IndexExpr: // a generic function
		if sel, ok := fn.X.(*ast.SelectorExpr); ok {
			name, recv = sel.Sel.Name, sel.X
		}
	default:
		return
	}
	pkgOf := func(e ast.Expr) string {
		if id, ok := e.(*ast.Ident); ok {
			return fc.imports[id.Name]
		}
		return ""
	}
	recvPkg := pkgOf(recv)
	foreign := recvPkg != "" && !strings.HasPrefix(recvPkg, s.module)
	i18nPkg := recvPkg == s.module+"/model/i18n" || recv == nil && strings.HasSuffix(fc.pkg.path, "/model/i18n")
	if sel, ok := recv.(*ast.SelectorExpr); ok && pkgOf(sel.X) == s.module+"/model/i18n" && sel.Sel.Name == "En" {
		// English on purpose, as a message's English beside its format:
		// a literal is no key, but a parameter handed on is one (its
		// callers' formats are worded later, from the Format kept).
		if id, ok := c.Args[0].(*ast.Ident); ok && (name == "T" || name == "Tf") {
			for i := len(fc.funcs) - 1; i >= 0; i-- {
				if j, ok := fc.funcs[i].params[id.Name]; ok {
					s.markParam(fc.funcs[i].name, j)
					break
				}
			}
		}
		return
	}
	key := func(i int) {
		if i < 0 {
			i += len(c.Args)
		}
		if i >= 0 && i < len(c.Args) {
			s.key(fc, c.Args[i], collect)
		}
	}
	switch {
	case i18nPkg && (name == "Text" || name == "In"):
		if name == "Text" {
			key(0)
		} else if len(c.Args) == 2 && !collect {
			key(1)
		} else if len(c.Args) == 2 {
			// The key in each context the call can name; a context only
			// known when it runs (a flow's kind) needs the text plainly.
			ctx, en := s.strings(fc, c.Args[0]), s.strings(fc, c.Args[1])
			for _, y := range en {
				if len(ctx) == 0 {
					s.add(y, c.Args[1].Pos())
				}
				for _, x := range ctx {
					s.add(In(x, y), c.Args[1].Pos())
				}
			}
		}
		return
	case foreign:
		return
	case recv != nil && (name == "T" || name == "Tf"):
		key(0)
		return
	}
	if i, ok := flagUsage[name]; ok && recv != nil && recvPkg == "" && len(c.Args) >= 3 {
		key(i)
		return
	}
	for i := range s.keyParams[name] {
		key(i)
	}
}

// composite looks at a composite literal: an AnyOf, a Phrase, or a struct
// with fields whose values are keys.
func (s *keyScan) composite(fc *fileCtx, c *ast.CompositeLit, collect bool) {
	typeName := ""
	switch t := c.Type.(type) {
	case *ast.SelectorExpr:
		if id, ok := t.X.(*ast.Ident); ok && fc.imports[id.Name] == s.module+"/model/i18n" {
			typeName = t.Sel.Name
		}
	case *ast.ArrayType:
		if sel, ok := t.Elt.(*ast.SelectorExpr); ok && sel.Sel.Name == "Text" {
			typeName = "AnyOf"
		}
	case *ast.MapType:
		if sel, ok := t.Key.(*ast.SelectorExpr); ok && sel.Sel.Name == "Text" {
			typeName = "TextKeys"
		}
	}
	for _, e := range c.Elts {
		switch {
		case typeName == "AnyOf":
			s.key(fc, e, collect)
		case typeName == "TextKeys":
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				s.key(fc, kv.Key, collect)
			}
		case typeName == "Phrase":
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Format" {
					s.key(fc, kv.Value, collect)
				}
			}
		default:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && s.fields[fc.pkg.path+"."+id.Name] || ok && s.fields[id.Name] {
					s.key(fc, kv.Value, collect)
				}
			}
		}
	}
}

// key handles an expression given where a key is expected: literals are
// recorded; a parameter of the enclosing function makes that parameter a
// key; a field makes the field's values keys.
func (s *keyScan) key(fc *fileCtx, e ast.Expr, collect bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		for i := len(fc.funcs) - 1; i >= 0; i-- {
			if j, ok := fc.funcs[i].params[x.Name]; ok {
				s.markParam(fc.funcs[i].name, j)
				return
			}
		}
	case *ast.SelectorExpr:
		if _, isPkg := fc.imports[identName(x.X)]; !isPkg {
			s.fields[fc.pkg.path+"."+x.Sel.Name] = true
		}
	case *ast.CallExpr:
		// string(x), i18n.Text(x): the key is x.
		if len(x.Args) == 1 {
			if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "string" {
				s.key(fc, x.Args[0], collect)
				return
			}
		}
	}
	if collect {
		for _, v := range s.strings(fc, e) {
			s.add(v, e.Pos())
		}
	}
}

func identName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func (s *keyScan) add(k string, pos token.Pos) {
	if _, ok := s.found[k]; !ok {
		s.found[k] = foundKey{Key: k, Pos: s.fset.Position(pos)}
	}
}

// strings is every text e can be: a literal, a constant, a sum of them,
// an entry of a package-level table, a local variable's assignments.
func (s *keyScan) strings(fc *fileCtx, e ast.Expr) []string {
	return s.stringsIn(fc, fc.pkg, e, 0)
}

func (s *keyScan) stringsIn(fc *fileCtx, p *sourcePackage, e ast.Expr, depth int) []string {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			if v, err := strconv.Unquote(x.Value); err == nil {
				return []string{v}
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil
		}
		l, r := s.stringsIn(fc, p, x.X, depth+1), s.stringsIn(fc, p, x.Y, depth+1)
		if len(l) == 1 && len(r) == 1 {
			return []string{l[0] + r[0]}
		}
	case *ast.Ident:
		if v, ok := p.values[x.Name]; ok {
			out := s.stringsIn(fc, p, v, depth+1)
			for _, e := range p.entries[x.Name] {
				out = append(out, s.stringsIn(fc, p, e, depth+1)...)
			}
			return out
		}
		if fc != nil && p == fc.pkg && len(fc.funcs) > 0 {
			return s.locals(fc, x.Name, depth)
		}
	case *ast.SelectorExpr:
		if fc == nil {
			return nil
		}
		if q := s.pkgs[fc.imports[identName(x.X)]]; q != nil {
			if v, ok := q.values[x.Sel.Name]; ok {
				return s.stringsIn(nil, q, v, depth+1)
			}
			return nil
		}
		if _, isPkg := fc.imports[identName(x.X)]; !isPkg {
			// a field of a table's entry: every text the table holds.
			return s.stringsIn(fc, p, x.X, depth+1)
		}
	case *ast.IndexExpr:
		// an entry of a table: every text the table holds.
		return s.stringsIn(fc, p, x.X, depth+1)
	case *ast.CompositeLit:
		var out []string
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, s.stringsIn(fc, p, el, depth+1)...)
		}
		return out
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "append" {
			var out []string
			for _, a := range x.Args[1:] {
				out = append(out, s.stringsIn(fc, p, a, depth+1)...)
			}
			return out
		}
		// a function of the module returning a string: what it returns.
		var fd *ast.FuncDecl
		var q *sourcePackage
		switch fn := x.Fun.(type) {
		case *ast.Ident:
			fd, q = p.funcs[fn.Name], p
		case *ast.SelectorExpr:
			if fc != nil {
				if q = s.pkgs[fc.imports[identName(fn.X)]]; q != nil {
					fd = q.funcs[fn.Sel.Name]
				}
			}
		}
		if fd != nil {
			return s.returns(q, fd, depth)
		}
		if len(x.Args) == 1 {
			if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "string" {
				return s.stringsIn(fc, p, x.Args[0], depth+1)
			}
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Text" && identName(sel.X) == "i18n" {
				return s.stringsIn(fc, p, x.Args[0], depth+1)
			}
		}
	}
	return nil
}

// locals is what the enclosing function assigns to the variable name, or
// ranges it over.
func (s *keyScan) locals(fc *fileCtx, name string, depth int) []string {
	var out []string
	ast.Inspect(fc.funcs[len(fc.funcs)-1].body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if identName(l) != name {
					continue
				}
				if len(n.Rhs) == len(n.Lhs) {
					out = append(out, s.stringsIn(fc, fc.pkg, n.Rhs[i], depth+1)...)
				} else if i == 0 && len(n.Rhs) == 1 {
					out = append(out, s.stringsIn(fc, fc.pkg, n.Rhs[0], depth+1)...) // v, ok := table[k]
				}
			}
		case *ast.ValueSpec:
			for i, l := range n.Names {
				if l.Name == name && i < len(n.Values) {
					out = append(out, s.stringsIn(fc, fc.pkg, n.Values[i], depth+1)...)
				}
			}
		case *ast.RangeStmt:
			if identName(n.Value) == name {
				out = append(out, s.stringsIn(fc, fc.pkg, n.X, depth+1)...)
			}
		}
		return true
	})
	return out
}

// textual reports whether a parameter of type t can carry a key: a string
// or an i18n.Text.
func textual(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name == "string" || t.Name == "Text"
	case *ast.SelectorExpr:
		return t.Sel.Name == "Text"
	}
	return false
}

// returns is every text function fd of package p returns first.
func (s *keyScan) returns(p *sourcePackage, fd *ast.FuncDecl, depth int) []string {
	fc := &fileCtx{pkg: p, imports: map[string]string{}, funcs: []enclosing{{name: fd.Name.Name, body: fd.Body}}}
	for _, f := range p.files {
		if f.Pos() <= fd.Pos() && fd.End() <= f.End() {
			for _, im := range f.Imports {
				path, _ := strconv.Unquote(im.Path.Value)
				name := path[strings.LastIndex(path, "/")+1:]
				if im.Name != nil {
					name = im.Name.Name
				}
				fc.imports[name] = path
			}
		}
	}
	var out []string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) > 0 {
			out = append(out, s.stringsIn(fc, p, r.Results[0], depth+1)...)
		}
		return true
	})
	return out
}

// tableEntries records what a function puts into a package-level table
// (kindNames[k] = "staff change"), as more of the table's values.
func (s *keyScan) tableEntries(p *sourcePackage, fd *ast.FuncDecl) {
	if fd.Body == nil {
		return
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != len(a.Rhs) {
			return true
		}
		for i, l := range a.Lhs {
			if ix, ok := l.(*ast.IndexExpr); ok {
				if id, ok := ix.X.(*ast.Ident); ok {
					if lit, ok := a.Rhs[i].(*ast.BasicLit); ok {
						p.entries[id.Name] = append(p.entries[id.Name], lit)
					}
				}
			}
		}
		return true
	})
}

// textParams marks the parameters of function name that are of type
// i18n.Text: keys at every call.
func (s *keyScan) textParams(name string, ft *ast.FuncType, isText func(ast.Expr) bool) {
	i := 0
	for _, fl := range ft.Params.List {
		for range max(1, len(fl.Names)) {
			if isText(fl.Type) {
				s.markParam(name, i)
			}
			i++
		}
	}
}
