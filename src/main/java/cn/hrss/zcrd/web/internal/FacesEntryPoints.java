package cn.hrss.zcrd.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Folder URLs of the faces lead to their home views. */
@Controller
class FacesEntryPoints {

    @GetMapping({"/", "/rsrc", "/rsrc/"})
    String portal() {
        return "forward:/rsrc/index.xhtml";
    }

    @GetMapping({"/sdmanager", "/sdmanager/"})
    String backOffice() {
        return "forward:/sdmanager/index.xhtml";
    }
}
