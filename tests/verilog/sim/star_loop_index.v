// always @* leaves out a for loop's index when only for loops use it, so two blocks sharing one
// loop variable do not wake each other forever (as Icarus); a variable also read outside its
// loops stays in the list.
module star_loop_index;
  reg [3:0] a, b, c, d;
  reg [3:0] e;
  integer i, j;
  always @* begin
    for (i = 0; i < 4; i = i + 1) b[i] = a[3 - i];
  end
  always @* begin
    for (i = 0; i < 4; i = i + 1) d[i] = ~c[i];
  end
  always @* begin
    e = j;  // j is read outside the loop: a change of j wakes the block
    for (j = 0; j < 1; j = j + 1) e[3] = a[0];
  end
  initial begin
    a = 4'b0011;
    c = 4'b0101;
    #1 $display("b=%b d=%b e=%b", b, d, e);
    a = 4'b1000;
    #1 $display("b=%b d=%b e=%b", b, d, e);
  end
endmodule
