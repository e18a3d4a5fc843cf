export const id = 479;
export const ids = [479];
export const modules = {

/***/ 6479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ajv: () => (/* reexport safe */ ajv__WEBPACK_IMPORTED_MODULE_1__.Ajv),
/* harmony export */   isScalar: () => (/* reexport safe */ yaml__WEBPACK_IMPORTED_MODULE_0__.jn),
/* harmony export */   parseDocument: () => (/* reexport safe */ yaml__WEBPACK_IMPORTED_MODULE_0__.Tp),
/* harmony export */   visit: () => (/* reexport safe */ yaml__WEBPACK_IMPORTED_MODULE_0__.YR)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_1__);
// The libraries that parse and check the `settings` input, in a module of their own so that the bundle puts them
// in a chunk that is loaded only when a workflow gives settings (see loadSettingsParser in settings.ts).




/***/ })

};
