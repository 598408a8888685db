export { getWeather, fetchUrl, readDocs, browsePage } from "./web";
export { queryDatabase, searchMessages, listChats, deleteChat, attachFile } from "./data";
export { sendEmail, postToSlack, runCode, chargeCustomer } from "./messaging";
