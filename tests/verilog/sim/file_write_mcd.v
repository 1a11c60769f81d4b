// $fopen (multichannel and file descriptors), $fdisplay/$fwrite/$fstrobe with their
// b/o/h forms, MCD output to several files and stdout, $fflush, $fclose; each file is read back.
module file_write_mcd;
  integer m1, m2, fd, rd, r, i;
  reg [8*80:1] line;
  reg [7:0] v;

  task show(input [8*32:1] name);
    begin
      rd = $fopen(name, "r");
      $display("-- %0s (fd %h)", name, rd);
      r = $fgets(line, rd);
      while (r > 0) begin
        $write("%0s", line);
        r = $fgets(line, rd);
      end
      $fclose(rd);
    end
  endtask

  initial begin
    m1 = $fopen("mcd_a.txt");
    m2 = $fopen("mcd_b.txt");
    fd = $fopen("fd_c.txt", "w");
    $display("m1=%h m2=%h fd=%h", m1, m2, fd);
    v = 8'ha5;
    $fdisplay(m1 | m2 | 1, "both files and stdout: %d", v);
    $fdisplay(m1, "only a");
    $fdisplayb(m2, "binary ", v);
    $fdisplayh(m2, "hex ", v);
    $fdisplayo(m2, "octal ", v);
    $fwrite(fd, "no newline;");
    $fwrite(fd, " then one\n");
    $fwriteh(fd, v, "\n");
    $fwriteb(fd, v, " ", 4'b10xz, "\n");
    $fwriteo(fd, v, "\n");
    $fdisplay(32'h8000_0001, "fd stdout %0d", 42);
    $fflush(fd);
    $fflush;
    v = 1;
    $fstrobe(fd, "strobe sees v=%0d at %0t", v, $time);
    $fstrobe(m1, "strobe to a: v=%0d", v);
    v = 2;
    #1 v = 3;
    #1 v = 3;
    #1 v = 4;
    #1;
    $fclose(m1 | m2);
    $fclose(fd);
    show("mcd_a.txt");
    show("mcd_b.txt");
    show("fd_c.txt");
    $finish;
  end
endmodule
