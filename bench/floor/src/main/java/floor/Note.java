package floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The floor's one entity: a row of table note. */
@Entity
@Table(name = "note")
public class Note {

    @Id
    public Long id;

    public String title;
}
