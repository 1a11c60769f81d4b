// $writememh/$writememb (whole memory, start/end in both directions), a memory larger than
// one host-call transfer written and read back, and the files printed with $fgets.
module writemem;
  reg [31:0] big [0:4095];
  reg [31:0] back [0:4095];
  reg [5:0] sm [3:0];
  reg [8*80:1] line;
  integer i, fd, r, bad;
  task show(input [8*32:1] name);
    begin
      fd = $fopen(name, "r");
      $display("-- %0s", name);
      r = $fgets(line, fd);
      while (r > 0) begin
        $write("%0s", line);
        r = $fgets(line, fd);
      end
      $fclose(fd);
    end
  endtask
  initial begin
    for (i = 0; i < 4; i = i + 1) sm[i] = i * 9;
    sm[2] = 6'b1x0z01;
    $writememh("small_h.txt", sm);
    show("small_h.txt");
    $writememb("small_b.txt", sm, 1, 3);
    show("small_b.txt");
    $writememh("small_r.txt", sm, 3, 0);
    show("small_r.txt");
    for (i = 0; i < 4096; i = i + 1) big[i] = i * 32'h9e3779b9;
    big[17] = 32'bx;
    $writememh("big.txt", big);
    $readmemh("big.txt", back);
    bad = 0;
    for (i = 0; i < 4096; i = i + 1)
      if (back[i] !== big[i]) bad = bad + 1;
    $display("big round trip: %0d differences, back[4095]=%h back[17]=%h", bad, back[4095],
             back[17]);
    for (i = 0; i < 4096; i = i + 1) back[i] = 0;
    $readmemh("big.txt", back, 4000, 4095);
    $display("partial: back[3999]=%h back[4000]=%h back[4095]=%h", back[3999], back[4000],
             back[4095]);
  end
endmodule
