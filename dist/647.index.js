export const id = 647;
export const ids = [647];
export const modules = {

/***/ 5647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PageParser: () => (/* binding */ PageParser)
/* harmony export */ });
/* harmony import */ var _streamparser_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5497);
/* harmony import */ var _page_entries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3718);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4874);
// Parses a log page as it streams (see log-stream.ts): the JSON is tokenized by @streamparser/json; what is checked
// here is the page's shape.



// The page's top level, watched token by token: the root must be an object whose `lines` is a list (or null).
// Everything else is left to the token parser, which keeps only the entries, each until it is taken.
class PageParser {
    entries;
    tokenizer = new _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .Tokenizer */ ._F();
    parser = new _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenParser */ .zb({ paths: ['$.lines.*', '$.nextToken'], keepStack: false });
    nextToken;
    valid = true;
    depth = 0;
    rootSeen = false;
    expectKey = false;
    key;
    linesValueNext = false;
    constructor(skip) {
        this.entries = new _page_entries_js__WEBPACK_IMPORTED_MODULE_1__/* .PageEntries */ .E(skip);
        this.tokenizer.onToken = token => {
            this.watch(token);
            this.parser.write(token);
        };
        this.parser.onValue = ({ value, key, parent, stack }) => {
            if (key === 'nextToken' && stack.length === 1)
                this.nextToken = value;
            else if (Array.isArray(parent) && stack.length === 2)
                this.entries.add(value);
        };
    }
    write(chunk) {
        if (!this.valid)
            return false;
        try {
            this.tokenizer.write(chunk);
        }
        catch {
            this.valid = false;
        }
        return this.valid;
    }
    end() {
        if (!this.valid || !this.parser.isEnded)
            return undefined;
        return { lines: [], nextToken: (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validLogToken */ .ss)(this.nextToken), size: this.entries.size };
    }
    watch({ token, value }) {
        if (this.depth === 0) {
            // One object, and nothing after it.
            if (this.rootSeen || token !== _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACE)
                this.valid = false;
            this.rootSeen = true;
        }
        else if (this.depth === 1) {
            if (this.linesValueNext) {
                if (token !== _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACKET && token !== _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.NULL)
                    this.valid = false;
                this.linesValueNext = false;
            }
            else if (this.expectKey) {
                this.key = value;
                this.expectKey = false;
            }
            else if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.COLON)
                this.linesValueNext = this.key === 'lines';
            else if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.COMMA)
                this.expectKey = true;
        }
        if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACE || token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACKET) {
            this.depth++;
            if (this.depth === 1)
                this.expectKey = true;
        }
        else if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.RIGHT_BRACE || token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.RIGHT_BRACKET)
            this.depth--;
    }
}


/***/ })

};
