package floor;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** GET /notes (JSON, read through Hibernate) and GET /notes/page (the same rows through a Qute template). */
@Path("/notes")
@PermitAll
public class Notes {

    @Inject
    EntityManager em;

    @Inject
    Template page;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<Note> list(@QueryParam("size") @DefaultValue("20") int size) {
        return em.createQuery("select n from Note n order by n.id", Note.class).setMaxResults(size).getResultList();
    }

    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance html() {
        return page.data("notes", list(20));
    }
}
